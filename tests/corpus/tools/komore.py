#!/usr/bin/env python3
"""More official Korean texts from the same Presidential Archives dataset:
joint statements of 1953-1985 and the president's statements at joint
press conferences of 1994-1997.  Layout only, as komodern.py."""
import json, re, sys, os
d = json.load(open('/tmp/allsp.json'))
P = {
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
    t = re.sub(r'^\s*[\[(][^\])]*[\])]\s*', '', t)
    return t.strip()
def layout(s):
    s = s.replace('\r', '')
    s = re.sub(r'[ \t\u00a0]+\n', '\n', s)
    s = re.sub(r'([다요까음임][.?!])(?=[^\s.?!\'"’”)\]])', r'\1\n\n', s)
    s = re.sub(r'(?<=[.?!])\s*(?=(?:[1-9]|1[0-9])\.\s)', '\n\n', s)   # numbered paragraphs
    lines = [l.strip() for l in s.split('\n')]
    out, blank = [], False
    for l in lines:
        if not l:
            blank = True; continue
        if out and blank: out.append('')
        out.append(l); blank = False
    return '\n'.join(out) + '\n'
od = sys.argv[1]
src = open(os.path.join(od, 'SOURCES.tsv'), 'w')
src.write('doc\tartid\tdate\ttitle\tkind\n')
strip = lambda x: re.sub(r'\s', '', x)
for a, n in P.items():
    v = d[a]; name = 'ko-' + n
    body = layout(v['speech_text'])
    assert strip(body) == strip(v['speech_text']), a
    open(os.path.join(od, name + '.txt'), 'w').write(title(v['title']) + '\n\n' + body)
    src.write(f"{name}\t{a}\t{v['date']}\t{v['title']}\t{v['kind']}\n")
print(len(P))
