//! The text read once (`Reading`): its sentences, candidates by kind, definitions, people
//! with their eras and sexes, places, the main person, a story's characters and table cells,
//! which every question of the quiz draws on.

use std::collections::BTreeMap;

use super::detect::{self, Definition, Found, Kind};
use super::lang::{self, Lang};
use super::lexicon::PlaceKind;
use super::read::{self, Doc};
use super::{cause, characters, define, distract, list, refer, sex, table, trace, wrong_terms};

/// One possible question: a candidate answer in a sentence, or a defined term.
#[derive(Clone, Copy)]
pub(super) enum Item {
    Gap(usize),
    Define(usize),
    /// A table's cell (`table`), by its index in `Reading::cells`.
    Table(usize),
    /// A list's item (`list`), by its index in `Reading::listed`.
    List(usize),
    /// A causal statement (`cause`), by its index in `Reading::causals`.
    Cause(usize),
}

/// The text, read once, with what its questions draw on.
pub(super) struct Reading {
    pub(super) text: Lang,
    pub(super) doc: Doc,
    pub(super) found: Vec<Found>,
    pub(super) definitions: Vec<Definition>,
    pub(super) people: Vec<String>,
    /// Each dated person's era: the middle year of the sentences naming them.
    pub(super) eras: BTreeMap<String, i64>,
    pub(super) places: Vec<(String, PlaceKind, usize)>,
    /// Two names the text gives one place or one person (`distract::aliases`).
    pub(super) aliases: Vec<(String, String)>,
    pub(super) defined: Vec<(String, usize)>,
    /// What sort of thing the text says a defined term is (`define::kind_of`).
    pub(super) said: wrong_terms::Said,
    /// The person the text is about, if one is named most (`refer`).
    pub(super) main: Option<String>,
    /// The pronouns that stand for the main person (`refer::main_forms`).
    pub(super) forms: Vec<String>,
    /// The main person's name with the particles the text always writes before it ("van
    /// Gogh"), where it does (`refer::particle_form`).
    pub(super) particled: Option<String>,
    /// The story's characters, by one name (`characters`).
    pub(super) characters: Vec<String>,
    /// Each person's sex, where the text tells it (`sex`).
    pub(super) sexes: BTreeMap<String, sex::Sex>,
    /// The table cells that tell their row apart (`table`).
    pub(super) cells: Vec<table::Cell>,
    /// The questions the text's lists offer (`list`).
    pub(super) listed: Vec<list::Listed>,
    /// The lists of one-word items the sentences name, each with its paragraph
    /// (`wrong_terms::lists`): wrong terms for one another.
    pub(super) lists: Vec<(Vec<String>, usize)>,
    /// The technical nouns the text uses, each with its paragraph (`wrong_terms::technical_nouns`).
    pub(super) nouns: Vec<(String, usize)>,
    /// The defined terms the prose also writes in lower case (in lower case): common words.
    pub(super) lowered: Vec<String>,
    /// The text's earliest and latest year.
    pub(super) years: Option<(i64, i64)>,
    /// The years the title gives: a main person's birth and death ("Edward Jenner
    /// (1749–1823)"), or an event's ("The Crimean War, 1853–1856"): no wrong year of their
    /// own deeds, or of the event, falls outside them (`years_for`).
    pub(super) titled_years: Option<(i64, i64)>,
    /// The causal statements that can be asked (`cause`).
    pub(super) causals: Vec<cause::Causal>,
    /// The clean clauses of the text's causal statements: their wrong answers (`cause`).
    pub(super) clauses: Vec<cause::Clause>,
}

impl Reading {
    pub(super) fn new(source: &str, options: usize) -> Reading {
        let text = Lang::detect(source);
        let doc = read::read(source, text);
        let mut found = detect::candidates(&doc, text);
        let (characters, spots) = characters::characters(&doc, &found, text);
        found.extend(spots);
        found.sort_by_key(|f| (f.sentence, f.start));
        let definitions = detect::definitions(&doc, text);
        let span = |f: &Found| doc.sentences[f.sentence].text[f.start..f.end].to_owned();
        // People named after a title ("Außenminister Gustav Stresemann"): wrong answers only.
        let titled = characters::titled(&doc, &found, text);
        let named: Vec<Found> = found.iter().chain(&titled).cloned().collect();
        let people: Vec<String> = named
            .iter()
            .filter(|f| f.kind == Kind::Person)
            .map(span)
            .collect();
        // A word of a person's full name is no place ("el joven Santiago" in a life of Santiago
        // Ramón y Cajal is not the city).
        let name_words: Vec<&str> = (people.iter())
            .filter(|p| p.split_whitespace().count() > 1)
            .flat_map(|p| p.split_whitespace())
            .collect();
        found.retain(|f| {
            !matches!(f.kind, Kind::Place(_)) || !name_words.contains(&span(f).as_str())
        });
        let eras = eras(&doc, &named);
        let places = found
            .iter()
            .filter_map(|f| match &f.kind {
                Kind::Place(k) => Some((span(f), k.clone(), doc.sentences[f.sentence].paragraph)),
                _ => None,
            })
            .collect();
        // Glossary lines stand together, apart from the prose: for one of them the nearest
        // terms are the glossary's own.
        let defined = definitions
            .iter()
            .map(|d| {
                let at = d
                    .sentence
                    .map_or(wrong_terms::GLOSSARY, |i| doc.sentences[i].paragraph);
                (d.term.clone(), at)
            })
            .collect();
        // What sort of thing the text says each term is.
        let said = definitions
            .iter()
            .filter_map(|d| Some((d.term.to_lowercase(), define::kind_of(d, text)?)))
            .collect();
        let sexes = sex::sexes(&doc, &named, text);
        let main = refer::main_person(&doc, &found, text);
        let aliases = distract::aliases(&doc, &found, text);
        let forms = refer::main_forms(&doc, main.as_deref(), text);
        let particled = (main.as_deref()).and_then(|m| refer::particle_form(&doc, m, text));
        let cells = table::cells(&doc.tables, options, text);
        let listed = list::questions(&doc.lists, options, text);
        let lowered = definitions
            .iter()
            .map(|d| d.term.to_lowercase())
            .filter(|t| doc.sentences.iter().any(|s| lang::holds(&s.text, t)))
            .collect();
        let lists = (doc.sentences.iter())
            .flat_map(|s| {
                let lists = wrong_terms::lists(&s.text, text);
                lists.into_iter().map(|l| (l, s.paragraph))
            })
            .collect();
        let texts: Vec<(&str, usize)> = (doc.sentences.iter())
            .map(|s| (s.text.as_str(), s.paragraph))
            .collect();
        let nouns = wrong_terms::technical_nouns(&texts, text);
        // Every year written, in ranges too ("the war of 1904–1905").
        let dated = (doc.sentences.iter()).flat_map(|s| detect::years_in(&s.text, text));
        let years = dated.fold(None, |span: Option<(i64, i64)>, y| {
            Some(span.map_or((y, y), |(lo, hi)| (lo.min(y), hi.max(y))))
        });
        let titled_years = doc.title.as_deref().and_then(years_in_title);
        let (causals, clauses) = cause::causals(&doc, text);
        trace(|| format!("main person: {main:?}, by {forms:?}; one place's names: {aliases:?}"));
        Reading {
            text,
            doc,
            found,
            definitions,
            people,
            eras,
            places,
            aliases,
            defined,
            said,
            main,
            forms,
            particled,
            characters,
            sexes,
            cells,
            listed,
            lists,
            nouns,
            lowered,
            years,
            titled_years,
            causals,
            clauses,
        }
    }

    /// The years a wrong year for a gap of this sentence stays within: the main person's life
    /// where the sentence names them and its year is within it (no deed after their death), or
    /// else the text's first and last.
    pub(super) fn years_for(&self, sentence: usize, year: i64) -> Option<(i64, i64)> {
        // In a text about an event the title dates ("The Crimean War, 1853–1856"), a year of
        // it gets wrong years of it, where it lasted long enough to give three.
        let theirs = match self.subject() {
            Some(_) => self.names_subject(sentence),
            None => self.titled_years.is_some_and(|(from, to)| to - from >= 3),
        };
        match self.titled_years {
            Some((born, died)) if theirs && (born..=died).contains(&year) => Some((born, died)),
            _ => self.years,
        }
    }

    /// The main person's sex, where the text tells it (`sex`): the person named most, by the
    /// last word of their name. Where two of one family differ ("Max Noether" in a life of
    /// Emmy Noether), the one the title names, else none.
    pub(super) fn main_sex(&self) -> Option<sex::Sex> {
        let main = self.main.as_deref()?;
        let family: Vec<(&String, sex::Sex)> = (self.sexes.iter())
            .filter(|(name, _)| name.split_whitespace().last() == Some(main))
            .map(|(n, s)| (n, *s))
            .collect();
        let (_, first) = *family.first()?;
        if family.iter().all(|(_, s)| *s == first) {
            return Some(first);
        }
        let title = self.doc.title.as_deref()?;
        (family.iter())
            .find(|(n, _)| title.contains(n.as_str()))
            .map(|(_, s)| *s)
    }

    /// The sentences a list was read as (none when it was not).
    pub(super) fn list_sentences(&self, list: usize) -> Vec<usize> {
        let l = &self.doc.lists[list];
        (0..self.doc.sentences.len())
            .filter(|i| {
                let s = &self.doc.sentences[*i];
                l.prose && s.section == l.section && s.paragraph == l.paragraph
            })
            .collect()
    }

    /// The main person when the text is about them (a life, not a story: a story's main
    /// character is asked like any other).
    pub(super) fn subject(&self) -> Option<&str> {
        self.main
            .as_deref()
            .filter(|m| !self.characters.iter().any(|c| c == m))
    }

    /// Whether a gap's sentence names the life's person ("In May 1847 Semmelweis ordered …"),
    /// asked before another of its paragraph ("his friend Kolletschka cut his finger in
    /// 1847"): a life's questions are about its person, and two on one year clash.
    pub(super) fn of_subject(&self, item: Item) -> bool {
        matches!(item, Item::Gap(i) if self.names_subject(self.found[i].sentence))
    }

    /// Whether a sentence names the life's person.
    fn names_subject(&self, sentence: usize) -> bool {
        let Some(main) = self.subject() else {
            return false;
        };
        let text = &self.doc.sentences[sentence].text;
        refer::words_at(text).any(|(_, w)| w == main || lang::possessor(w) == Some(main))
    }

    /// Where an item is: its section and paragraph (a glossary line is a paragraph of its own
    /// section's glossary).
    pub(super) fn place_of(&self, item: Item) -> (usize, usize) {
        let at = |s: usize| {
            let s = &self.doc.sentences[s];
            (s.section, s.paragraph)
        };
        match item {
            Item::Gap(i) => at(self.found[i].sentence),
            Item::Define(i) => {
                let d = &self.definitions[i];
                d.sentence.map_or((d.section, usize::MAX), at)
            }
            // A table is a paragraph of its own section.
            Item::Table(i) => {
                let c = self.cells[i];
                (self.doc.tables[c.table].section, usize::MAX - 1 - c.table)
            }
            // A list read as sentences is their paragraph; another, a paragraph of its own.
            Item::List(i) => {
                let l = &self.doc.lists[self.listed[i].list];
                let own = usize::MAX / 2 + self.listed[i].list;
                (l.section, if l.prose { l.paragraph } else { own })
            }
            Item::Cause(i) => at(self.causals[i].sentence),
        }
    }
}

/// The years a title gives its life or event: "(1749–1823)", ", 1853–1856".
fn years_in_title(title: &str) -> Option<(i64, i64)> {
    let words: Vec<&str> = title
        .split(|c: char| c.is_whitespace() || "(),:".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let year = |s: &str| -> Option<i64> {
        let s = s.trim();
        (s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    words.iter().rev().find_map(|w| {
        let (from, to) = w.split_once(['-', '–', '—'])?;
        let (from, to) = (year(from)?, year(to)?);
        (from < to).then_some((from, to))
    })
}

/// The middle year of the sentences naming each person, for those named beside a year.
fn eras(doc: &Doc, found: &[Found]) -> BTreeMap<String, i64> {
    let mut years: BTreeMap<usize, Vec<i64>> = BTreeMap::new();
    for f in found {
        if let Kind::Year { era: None } = f.kind {
            let text = &doc.sentences[f.sentence].text[f.start..f.end];
            if let Ok(y) = text.parse::<i64>() {
                years.entry(f.sentence).or_default().push(y);
            }
        }
    }
    let mut by_person: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for f in found.iter().filter(|f| f.kind == Kind::Person) {
        let name = doc.sentences[f.sentence].text[f.start..f.end].to_owned();
        if let Some(ys) = years.get(&f.sentence) {
            by_person.entry(name).or_default().extend(ys);
        }
    }
    by_person
        .into_iter()
        .map(|(name, mut ys)| {
            ys.sort_unstable();
            (name, ys[ys.len() / 2])
        })
        .collect()
}
