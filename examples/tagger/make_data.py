#!/usr/bin/python3
"""Generate the kiln tagger example: sentences of made-up words with part-of-speech tags.

The tags follow known rules, so a tagger that learns them reaches (near) perfect accuracy:

- Sentences come from a small grammar: DET (ADJ) NOUN VERB (ADV) (ADP DET (ADJ) NOUN) PUNCT,
  or PRON VERB DET NOUN (CCONJ PRON VERB ADV) PUNCT.
- Closed-class words (DET, PRON, ADP, CCONJ, PUNCT) come from short fixed lists.
- Open-class words are random stems with a suffix that marks their class: NOUN -tion, -ness,
  -ment, -ist; VERB -izes, -ates, -ifies; ADJ -ous, -ful, -ive; ADV -ly. Most dev words are
  stems never seen in training, so the tagger must read suffixes (PREFIX/SUFFIX/SHAPE features).
- Ambiguous words ("run", "walk", "fish", ...) are NOUN after a determiner or adjective and
  VERB elsewhere, so the tagger must also read the context.
- The first word of a sentence is capitalised.

Writes train.jsonl and dev.jsonl next to this script, one {"words": [...], "tags": [...]}
object per line. Deterministic: one seeded random generator, standard library only.
"""

import json
import os
import random

SEED = 5
TRAIN_SENTENCES = 1000
DEV_SENTENCES = 250

DETS = ["the", "a", "every", "this", "that", "some"]
PRONS = ["she", "he", "they", "we", "it"]
ADPS = ["in", "on", "under", "near", "with"]
CCONJS = ["and", "but"]
PUNCTS = [".", "!", "?"]
SUFFIXES = {
    "NOUN": ["tion", "ness", "ment", "ist"],
    "VERB": ["izes", "ates", "ifies"],
    "ADJ": ["ous", "ful", "ive"],
    "ADV": ["ly"],
}
AMBIGUOUS = ["run", "walk", "fish", "plant", "watch", "light", "dance", "mark"]
CONSONANTS = "bcdfghklmnprstvz"
VOWELS = "aeiou"


def stem(rng):
    syllables = rng.randint(1, 3)
    return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(syllables))


def open_word(rng, tag, stems):
    if rng.random() < 0.6:
        base = rng.choice(stems)
    else:
        base = stem(rng)
    return base + rng.choice(SUFFIXES[tag])


def noun(rng, stems):
    if rng.random() < 0.25:
        return rng.choice(AMBIGUOUS), "NOUN"
    return open_word(rng, "NOUN", stems), "NOUN"


def verb(rng, stems):
    if rng.random() < 0.25:
        return rng.choice(AMBIGUOUS), "VERB"
    return open_word(rng, "VERB", stems), "VERB"


def noun_phrase(rng, stems):
    words = [(rng.choice(DETS), "DET")]
    if rng.random() < 0.5:
        words.append((open_word(rng, "ADJ", stems), "ADJ"))
    words.append(noun(rng, stems))
    return words


def sentence(rng, stems):
    if rng.random() < 0.6:
        words = noun_phrase(rng, stems) + [verb(rng, stems)]
        if rng.random() < 0.4:
            words.append((open_word(rng, "ADV", stems), "ADV"))
        if rng.random() < 0.5:
            words.append((rng.choice(ADPS), "ADP"))
            words += noun_phrase(rng, stems)
    else:
        words = [(rng.choice(PRONS), "PRON"), verb(rng, stems)] + noun_phrase(rng, stems)
        if rng.random() < 0.3:
            words += [(rng.choice(CCONJS), "CCONJ"), (rng.choice(PRONS), "PRON"), verb(rng, stems),
                      (open_word(rng, "ADV", stems), "ADV")]
    words.append((rng.choice(PUNCTS), "PUNCT"))
    first, tag = words[0]
    words[0] = (first[0].upper() + first[1:], tag)
    return {"words": [w for w, _ in words], "tags": [t for _, t in words]}


def write(path, records):
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record) + "\n")


def main():
    rng = random.Random(SEED)
    train_stems = [stem(rng) for _ in range(300)]
    dev_stems = [stem(rng) for _ in range(300)]
    here = os.path.dirname(os.path.abspath(__file__))
    write(os.path.join(here, "train.jsonl"), [sentence(rng, train_stems) for _ in range(TRAIN_SENTENCES)])
    write(os.path.join(here, "dev.jsonl"), [sentence(rng, dev_stems) for _ in range(DEV_SENTENCES)])


if __name__ == "__main__":
    main()
