#!/usr/bin/env python3
"""Pieces of PDF text read as the whole text reads them.

Cuts pieces of 30 lines out of the prose of pdftotext extractions (each piece starting
three lines above a sentence with a figure, at most one every 60 lines), dumps each piece
alone, and counts the figures of sentences (not table cells) that the whole text reads in
the piece's lines, but for its first two and last two (a sentence cut at the piece's edge):
how many the piece reads too, and how many with the same label.

    scripts/check-text-pieces.py .build/release/finparse --files-from LIST [--ext .raw.txt ...] [-v]

LIST names the extractions, one a line (those ending in an --ext are read). -v names each
figure the piece does not read, or labels otherwise.
"""
import argparse
import json
import os
import subprocess
import tempfile

WINDOW = 30


def dump(binary, path):
    run = subprocess.run([binary, 'dump', path], capture_output=True, text=True)
    return json.loads(run.stdout) if run.stdout else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('binary')
    parser.add_argument('--files-from', required=True)
    parser.add_argument('--ext', action='append', default=None)
    parser.add_argument('-v', action='store_true')
    args = parser.parse_args()
    exts = tuple(args.ext or ['.raw.txt', '.layout.txt', '.nopgbrk.txt', '.pages.txt'])
    files = [l.strip() for l in open(args.files_from) if l.strip().endswith(exts)]
    pieces = total = found = labelled = same = 0
    with tempfile.TemporaryDirectory() as folder:
        piece_path = os.path.join(folder, 'piece.txt')
        for path in files:
            lines = open(path, encoding='utf-8', errors='replace').read().split('\n')
            whole = dump(args.binary, path)
            if not whole or 'error' in whole:
                continue
            by_line = {}
            for figure in whole['amounts'] + whole['percents']:
                if figure['cell'] is None:
                    by_line.setdefault(figure['line'], []).append(figure)
            starts, last = [], -999
            for number, line in enumerate(lines, 1):
                if number in by_line and '。' in line and number - last >= 60:
                    starts.append(max(1, number - 3))
                    last = number
            for start in starts:
                end = min(len(lines), start + WINDOW - 1)
                with open(piece_path, 'w', encoding='utf-8') as out:
                    out.write('\n'.join(l.replace('\f', '') for l in lines[start - 1:end]) + '\n')
                pieces += 1
                piece = dump(args.binary, piece_path)
                if not piece or 'error' in piece:
                    continue
                read = {}
                for figure in piece['amounts'] + piece['percents']:
                    read.setdefault((figure['line'] + start - 1, figure['value'], figure['unit']), []).append(figure['label'])
                for number in range(start + 2, end - 1):
                    for figure in by_line.get(number, []):
                        total += 1
                        labels = read.get((number, figure['value'], figure['unit']))
                        if labels is None:
                            if args.v:
                                print('not read:', path, number, figure['text'], figure['label'])
                            continue
                        found += 1
                        if figure['label'] is not None:
                            labelled += 1
                            if figure['label'] in labels:
                                same += 1
                            elif args.v:
                                print('labelled otherwise:', path, number, figure['text'], figure['label'], labels)
    print(f'{pieces} pieces of {len(files)} texts: {total} figures of sentences in them; '
          f'{found} read by the pieces; {same} of the {labelled} labelled ones with the same label')


if __name__ == '__main__':
    main()
