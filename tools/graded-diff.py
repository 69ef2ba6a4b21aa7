#!/usr/bin/env python3
"""graded-diff.py OLD NEW: which graded questions a change wins and loses, for developing
offline rules (never a measure of quality: these are development texts).

OLD and NEW are directories of quizzes, one JSON file per text (`quizgen generate --from TEXT
--count 10 --language L > DIR/NAME.json`, the same file names in both). Each question that is
in one and not the other is looked up, by its stem, among the questions graded in the blind
rounds (tests/fixtures/blind/round-*/out/*.questions.json with grades.tsv), and printed with
its grade (keep, weak, strike, or ungraded) and the grader's reason; the last line counts them.
A rule that loses kept questions or wins struck ones is suspect."""
import glob, json, os, sys
from collections import Counter

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'blind')


def graded():
    out = {}
    for r in sorted(glob.glob(os.path.join(ROOT, 'round-*'))):
        tsv = os.path.join(r, 'grades.tsv')
        if not os.path.exists(tsv):
            continue
        g = {}
        for line in open(tsv, encoding='utf-8'):
            p = line.rstrip('\n').split('\t')
            if len(p) >= 3:
                g[(p[0], p[1])] = (p[2], p[4] if len(p) > 4 else '')
        for f in glob.glob(os.path.join(r, 'out', '*.questions.json')):
            name = os.path.basename(f)[:-len('.questions.json')]
            try:
                qs = json.load(open(f, encoding='utf-8'))
            except ValueError:
                continue
            for q in qs:
                if (name, str(q['no'])) in g:
                    out[q['question']] = g[(name, str(q['no']))]
    return out


def stems(d, f):
    try:
        return {q['question'] for q in json.load(open(os.path.join(d, f), encoding='utf-8')).get('questions', [])}
    except (ValueError, FileNotFoundError):
        return set()


def main(old, new):
    grades = graded()
    lost, won = Counter(), Counter()
    for f in sorted(os.listdir(old)):
        a, b = stems(old, f), stems(new, f)
        for sign, qs, tally in (('-', a - b, lost), ('+', b - a, won)):
            for q in sorted(qs):
                grade, why = grades.get(q, ('ungraded', ''))
                tally[grade] += 1
                print(sign, grade, '|', q[:150], '|', why[:100])
    print('lost', dict(lost), 'won', dict(won))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
