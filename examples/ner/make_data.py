#!/usr/bin/python3
"""Write the kiln NER example corpus: template sentences with names from fixed lists.

The rule a model has to learn is known: every sentence is one of the TEMPLATES below with its
slots filled from PEOPLE, CITIES and ORGS, and the filled slots are the entities (PERSON, GPE,
ORG). Names have one to three words, so B-, I-, L- and U- tags all occur. Each line of the
output is {"text": ..., "entities": [[start, end, label], ...]} (character offsets).

Deterministic: a random.Random seeded with SEED picks templates and names; train and dev are
drawn from one stream, and a dev sentence equal to a train sentence is drawn again. Only the
standard library is used. Run from anywhere: python3 examples/ner/make_data.py
"""

import json
import os
import random

SEED = 5
TRAIN_SIZE = 1200
DEV_SIZE = 300

PEOPLE = [
    "Anna Novak", "Boris Lindqvist", "Chen Wei", "Dora Mbeki", "Emil Haddad", "Fatima Zahra Idrissi",
    "Gustavo Pereira", "Hana Sato", "Ivan Petrov", "Julia Maria Costa", "Kofi Mensah", "Lena Berg",
    "Marco Rossi", "Nadia Haddad", "Omar Farouk", "Priya Nair", "Quentin Dubois", "Rosa Maria Lopez",
    "Sven Olsen", "Tomas Novak", "Uma Patel", "Viktor Lindqvist", "Wen Li", "Yusuf Demir", "Zoe Clarke",
    "Aisha Bello", "Mateo Garcia Ruiz", "Ingrid Holm", "Kenji Watanabe", "Elif Kaya",
]
CITIES = [
    "Paris", "Lima", "Oslo", "Cairo", "Nairobi", "Kyoto", "Porto", "Dublin", "Quito", "Hanoi",
    "New York", "Buenos Aires", "Cape Town", "Tel Aviv", "Kuala Lumpur", "Rio de Janeiro",
    "San Francisco", "Hong Kong", "Salt Lake City", "Addis Ababa",
]
ORGS = [
    "Acme", "Globex", "Initech", "Umbrella", "Vandelay Industries", "Northwind Traders",
    "Blue Harbor Bank", "Red Rock Mining", "Stark Logistics", "Wayne Foods", "Oceanic Airlines",
    "Bank of Lima", "Museum of Modern Art", "Green Valley Energy", "Sunrise Health Group",
]

# {P}: a person, {C}: a city, {O}: an organisation.
TEMPLATES = [
    "{P} moved to {C} last year .",
    "{P} works for {O} in {C} .",
    "Yesterday {P} met {P} in {C} .",
    "{O} opened a new office in {C} .",
    "The mayor of {C} thanked {O} for the donation .",
    "According to {P} , {O} will hire two hundred people .",
    "{P} flew from {C} to {C} on Monday .",
    "Shares of {O} fell after {P} resigned .",
    "We visited {C} with {P} in June .",
    "{O} and {O} announced a merger today .",
    "I think {P} was born in {C} .",
    "A spokesperson for {O} said the plant in {C} would close .",
    "the weather in {C} was mild this week .",
    "{P} joined {O} as chief engineer .",
    "Nobody from {O} answered the call .",
    "my friend {P} lives near {C} .",
    "The report was written by {P} and {P} .",
    "Tickets to {C} are cheaper in winter .",
    "Nothing happened here today .",
    "The committee will meet again next week .",
]

SLOTS = {"{P}": ("PERSON", PEOPLE), "{C}": ("GPE", CITIES), "{O}": ("ORG", ORGS)}


def sentence(rng):
    """One filled template: its text and its entities as [start, end, label]."""
    text = ""
    entities = []
    for word in rng.choice(TEMPLATES).split(" "):
        if text:
            text += " "
        if word in SLOTS:
            label, names = SLOTS[word]
            name = rng.choice(names)
            entities.append([len(text), len(text) + len(name), label])
            text += name
        else:
            text += word
    return {"text": text, "entities": entities}


def write(path, records):
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main():
    rng = random.Random(SEED)
    train = [sentence(rng) for _ in range(TRAIN_SIZE)]
    seen = {record["text"] for record in train}
    dev = []
    while len(dev) < DEV_SIZE:
        record = sentence(rng)
        if record["text"] not in seen:
            seen.add(record["text"])
            dev.append(record)
    here = os.path.dirname(os.path.abspath(__file__))
    write(os.path.join(here, "train.jsonl"), train)
    write(os.path.join(here, "dev.jsonl"), dev)


if __name__ == "__main__":
    main()
