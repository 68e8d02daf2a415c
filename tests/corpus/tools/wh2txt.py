#!/usr/bin/env python3
"""Turns a White House briefing-room page (Markdown as mirrored, with YAML
front matter) into the plain text layout of tests/corpus/docs: the title,
a blank line, then one block per paragraph, heading or list item.

Only the layout changes: Markdown syntax (links, emphasis, escapes, hard
line wraps) is removed and the words are kept exactly.

usage: wh2txt.py FILE.md > FILE.txt
"""
import re
import sys

import yaml


def front_matter(lines):
    meta, body = {}, lines
    if lines and lines[0].strip() == '---':
        end = lines.index('---', 1)
        meta = yaml.safe_load('\n'.join(lines[1:end])) or {}
        body = lines[end + 1:]
    return meta, body


def yaml_title(v):
    return re.sub(r'\s+', ' ', str(v).replace('\u00a0', ' ')).strip()


def inline(s):
    s = re.sub(r'!\[[^\]]*\]\([^)]*\)', '', s)                 # images
    s = re.sub(r'\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)', r'\1', s)  # links
    s = re.sub(r'\[([^\]]*)\]\[[^\]]*\]', r'\1', s)
    s = re.sub(r'<[^>]+>', '', s)                              # stray tags
    s = re.sub(r'(\*\*|__)(.*?)\1', r'\2', s)
    s = re.sub(r'(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])', r'\1', s)
    s = re.sub(r'(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])', r'\1', s)
    s = s.replace('**', '')
    s = re.sub(r'\\(.)', r'\1', s)                             # escapes
    s = s.replace('\u00a0', ' ')
    return re.sub(r'[ \t]+', ' ', s).strip()


BULLET = re.compile(r'^(\s*)([-*+•]|\d+[.)])\s+(.*)$')


def blocks(body):
    """Paragraphs and list items as (kind, depth, text)."""
    out, cur = [], None

    def flush():
        nonlocal cur
        if cur is not None:
            out.append(cur)
            cur = None

    for raw in body:
        line = raw.rstrip('\n')
        if line.strip() == '' or line.strip().lstrip('\\') in ('', '---', '***', '###'):
            flush()
            continue
        m = BULLET.match(line)
        if m and cur is not None and re.match(r'\d{4,}[.)]$', m.group(2)):
            m = None       # a year the line wrap put first is no item:
                           # "... ending in FY\n2029. One of the ..."
                           # (numbered paragraphs, "7. The United
                           # States ...", keep their own block)
        if m and not re.match(r'^\s*\d+[.)]\s*$', line):
            flush()
            depth = 1 + len(m.group(1).expandtabs()) // 4
            marker = m.group(2)
            cur = ['item', depth, marker, m.group(3)]
            continue
        h = re.match(r'^#{1,6}\s+(.*)$', line)
        if h:
            flush()
            out.append(['head', 0, '', h.group(1)])
            continue
        if cur is None:
            cur = ['para', 0, '', line]
        else:
            cur[3] += ' ' + line.strip()
    flush()
    return out


def render(meta, body):
    lines = [yaml_title(meta.get('title', '')), '']
    for kind, depth, marker, text in blocks(body):
        t = inline(text)
        if not t:
            continue
        if kind == 'item':
            ind = '  ' * depth
            mk = '•' if marker in '-*+•' else marker
            lines.append(ind + mk + ' ' + t)
        else:
            lines.append(t)
        lines.append('')
    while lines and lines[-1] == '':
        lines.pop()
    return '\n'.join(lines) + '\n'


def main():
    text = open(sys.argv[1], encoding='utf-8').read()
    meta, body = front_matter(text.split('\n'))
    sys.stdout.write(render(meta, body))


if __name__ == '__main__':
    main()
