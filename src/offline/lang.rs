//! The languages offline generation reads and writes (English, French, Spanish, German): each
//! one's words from its data file (`data/xx.toml`, embedded at build time), its stemmer and its
//! stop words, and the detection of a text's language.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

/// A language offline generation knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Lang {
    En,
    Fr,
    Es,
    De,
}

/// One language's words, as its data file has them.
#[derive(Deserialize)]
pub(super) struct Data {
    pub(super) code: String,
    pub(super) read: ReadWords,
    pub(super) words: Words,
    pub(super) say: Say,
    /// The markers of causal statements (`cause`).
    #[serde(default)]
    pub(super) cause: super::cause::Words,
}

/// Words for reading the text's structure.
#[derive(Deserialize)]
pub(super) struct ReadWords {
    pub(super) exercises: Vec<String>,
    pub(super) abbreviations: Vec<String>,
    pub(super) joins: Vec<String>,
    /// The first words of an instruction or a piece of advice (`read::finish_list`).
    pub(super) instructions: Vec<String>,
    /// The words a title's chapter or unit number follows ("Chapter 7: The Crimean War"):
    /// the title is what comes after (`read::unnumbered`).
    #[serde(default)]
    pub(super) numbering: Vec<String>,
}

/// A unit counted within a period, and the most the period holds (`Words::period_caps`).
#[derive(Deserialize)]
pub(super) struct PeriodCap {
    pub(super) units: Vec<String>,
    pub(super) within: Vec<String>,
    pub(super) most: f64,
}

/// A period every reader knows the years of ("the First World War": 1914 to 1918), by the
/// ways the language names it (`Words::known_periods`).
#[derive(Deserialize)]
pub(super) struct KnownPeriod {
    pub(super) names: Vec<String>,
    pub(super) from: i64,
    pub(super) to: i64,
}

/// Words for finding answers and checking questions (see the data files for each list's use).
#[derive(Deserialize)]
pub(super) struct Words {
    pub(super) months: Vec<String>,
    pub(super) numbers: BTreeMap<String, u64>,
    pub(super) multipliers: BTreeMap<String, u64>,
    pub(super) percent: Vec<String>,
    pub(super) thousands: Vec<String>,
    pub(super) decimal: String,
    pub(super) eras: Vec<String>,
    pub(super) year_before: Vec<String>,
    /// The words before a year of three digits with no era ("In 618 a general …"): only those
    /// that date nothing else (`detect::three_digit_year`).
    #[serde(default)]
    pub(super) year_three_before: Vec<String>,
    pub(super) bounds: Vec<String>,
    /// Words after a value that make others true as well ("or more").
    #[serde(default)]
    pub(super) bounds_after: Vec<String>,
    /// Words before a year that make later years true as well ("by 1215").
    #[serde(default)]
    pub(super) year_bounds: Vec<String>,
    pub(super) measures: Vec<String>,
    /// Words after a unit that make it an area or a volume ("kilomètres carrés").
    #[serde(default)]
    pub(super) unit_qualifiers: Vec<String>,
    pub(super) year_units: Vec<String>,
    /// German: the nouns a year-shaped number (four bare digits, 1000 to 2099) may count
    /// ("1200 Einwohner"); any other capitalised noun after one is the sentence's
    /// ("wurde Koch 1872 Kreisphysikus"), not a unit.
    #[serde(default)]
    pub(super) year_shaped_counts: Vec<String>,
    /// The indefinite articles, which count one ("a year later", "un an après").
    #[serde(default)]
    pub(super) indefinite: Vec<String>,
    /// Units of temperature: their wrong values differ by degrees, not by a factor (37 °C is
    /// not offered 22 °C).
    #[serde(default)]
    pub(super) temperature_units: Vec<String>,
    /// Words of pairs and doubles: a count beside its double or half is worked out.
    pub(super) pairs: Vec<String>,
    pub(super) superlatives: Vec<String>,
    pub(super) ages: Vec<String>,
    /// A count of a unit within a period, which it cannot exceed ("days a year": 366): its wrong
    /// values stay below (the grader struck 400 and 600 foggy days a year).
    #[serde(default)]
    pub(super) period_caps: Vec<PeriodCap>,
    /// Periods whose years everyone knows: a wrong year stays on the answer's side of a period
    /// its sentence names ("Pendant la Première Guerre mondiale, en _____" is not offered
    /// 1910).
    #[serde(default)]
    pub(super) known_periods: Vec<KnownPeriod>,
    pub(super) ranges: Vec<String>,
    /// A whole range's words: "to" between its ends, "between" … "and" around them.
    pub(super) span_to: Vec<String>,
    pub(super) span_open: Vec<String>,
    pub(super) span_and: Vec<String>,
    pub(super) approximate: Vec<String>,
    /// A century a stem names, whose years bound the wrong ones (`detect_years::centuries`):
    /// its word, whether its number follows it, the ordinals written out (first is 1), and
    /// the words before it that take its first or its second half.
    #[serde(default)]
    pub(super) century_words: Vec<String>,
    #[serde(default)]
    pub(super) century_number_after: bool,
    #[serde(default)]
    pub(super) ordinal_words: Vec<String>,
    #[serde(default)]
    pub(super) century_early: Vec<String>,
    #[serde(default)]
    pub(super) century_late: Vec<String>,
    pub(super) references: Vec<String>,
    /// Someone's family, couple or firm, a ruler by office: back, unless someone is named
    /// before them in the sentence.
    #[serde(default)]
    pub(super) kin_references: Vec<String>,
    /// The words after a reference that say which it is ("the Battle of …", "the difference
    /// between …"): `filters_reference::says_which`.
    #[serde(default)]
    pub(super) reference_complements: Vec<String>,
    /// The openings of a phrase of kinship ("fils de", "son of"): a name in it, before the
    /// comma, is not whom the pronoun after stands for.
    #[serde(default)]
    pub(super) kin_openers: Vec<String>,
    /// Titles of an office or a trade before a name ("Dr", "Captain"): a character so named
    /// is not asked "Who is …?", the title tells the role described.
    #[serde(default)]
    pub(super) role_titles: Vec<String>,
    /// Headings over a story's people, whole ("Main characters", "Personnages"): their
    /// glossary lines of capitalised names are people, asked "Who is …?", whatever the name.
    #[serde(default)]
    pub(super) cast_headings: Vec<String>,
    /// Units a smaller one may follow in one measure ("23 hours 56 minutes"): `second-unit`.
    #[serde(default)]
    pub(super) first_units: Vec<String>,
    /// Spanish "se", and the prepositions after which its verb is reflexive, not passive
    /// (`subject::reflexive`).
    #[serde(default)]
    pub(super) reflexives: Vec<String>,
    #[serde(default)]
    pub(super) reflexive_before: Vec<String>,
    /// French "c'est": a sentence opening on it points back unless it is a cleft (one of
    /// `cleft_joins` follows) that does not add to the sentence before (`cleft_adds`).
    #[serde(default)]
    pub(super) presentatives: Vec<String>,
    #[serde(default)]
    pub(super) cleft_joins: Vec<String>,
    #[serde(default)]
    pub(super) cleft_adds: Vec<String>,
    pub(super) pronouns: Vec<String>,
    /// Pronouns that stand only for a person: a place or a thing named before them is no one
    /// they could point to. Only where the language's "he" never stands for a thing (German's
    /// "er" does).
    #[serde(default)]
    pub(super) person_pronouns: Vec<String>,
    /// Pronouns that never stand for a person ("it", "its"): a person named before them is
    /// nothing they could point to ("Hodgkin and her team solved it").
    #[serde(default)]
    pub(super) impersonal_pronouns: Vec<String>,
    /// Words that stand for a place ("there", "dort"): only a place named before them is
    /// something they could point to ("farmers digging a well there found …").
    #[serde(default)]
    pub(super) place_pronouns: Vec<String>,
    /// The openings of a worked example's sentence or paragraph ("for example", "suppose"),
    /// and the first words of a heading over one ("worked example"): `filters::in_example`.
    #[serde(default)]
    pub(super) example_openers: Vec<String>,
    #[serde(default)]
    pub(super) example_headings: Vec<String>,
    /// The words that state one unit in another ("1 kPa = 1,000 Pa", "one kilometre is …").
    #[serde(default)]
    pub(super) unit_links: Vec<String>,
    /// The person pronouns of each sex (English only: see the data file).
    #[serde(default)]
    pub(super) masculine: Vec<String>,
    #[serde(default)]
    pub(super) feminine: Vec<String>,
    /// Prepositions that take only places, never a person (`refer`).
    #[serde(default)]
    pub(super) place_only_prepositions: Vec<String>,
    /// Nouns of a place's kind that open its name, with their preposition ("cape", "cabo de"):
    /// a name after one, or opened by one, is no person (`detect`).
    #[serde(default)]
    pub(super) place_heads: Vec<String>,
    /// A noble title and its preposition ("marquis of", "duc de"): a place after it is part
    /// of a person's title, not asked (`detect`).
    #[serde(default)]
    pub(super) noble_titles: Vec<String>,
    /// Prepositions after which a name is a place ("in Mainz"), for `person_pronouns`.
    #[serde(default)]
    pub(super) place_prepositions: Vec<String>,
    /// The first header of a table that compares its columns row by row ("Feature | Disc
    /// brakes | Drum brakes"): its rows are properties of different kinds, so a cell's kind
    /// tells its row, and such a table is not asked (`table`).
    #[serde(default)]
    pub(super) attribute_headers: Vec<String>,
    /// Pronouns that stand only for a person, and how the name replaces each ("{}'s").
    pub(super) stand_ins: BTreeMap<String, String>,
    pub(super) openers: Vec<String>,
    /// Openings that look like an opener and are not ("there is").
    #[serde(default)]
    pub(super) not_openers: Vec<String>,
    pub(super) date_in: Vec<String>,
    /// Joins of two clauses: a sentence holding one tells two events.
    pub(super) clause_joins: Vec<String>,
    /// Endings of a verb telling a state or a repeated act, not a completed event (the
    /// Spanish and French imperfect: "ocupaban", "régnait"): a sentence holding one is not
    /// asked "in which year did this happen?" (the state lasted years).
    #[serde(default)]
    pub(super) state_endings: Vec<String>,
    /// Connectives that may open a sentence before a comma and be left out, the rest standing
    /// on its own ("However, the law …" → "The law …"): asked without them, the sentence needs
    /// no lead before it.
    #[serde(default)]
    pub(super) connectives: Vec<String>,
    /// Connectives that stand without commas inside a sentence ("traversent donc la
    /// Belgique"): left out of a gap's sentence, but as its first word (`render::without_aside`).
    #[serde(default)]
    pub(super) asides: Vec<String>,
    /// Conjunctions that may open a sentence before its subject's article ("Doch der Kongress
    /// …", "But the king …"): left out of a gap's sentence (`render::without_connective`).
    #[serde(default)]
    pub(super) opening_conjunctions: Vec<String>,
    /// Words that stand for one of the things the sentence before counts ("The first is … The
    /// second is a protein coat"): no defined term there (`define_more::counted`).
    #[serde(default)]
    pub(super) stand_in_terms: Vec<String>,
    /// The possessive pronouns of `pronouns` ("his", "su", "sa"): in the phrases that open a
    /// sentence, the main person's named right after them (`filters_reference`).
    #[serde(default)]
    pub(super) possessives: Vec<String>,
    /// Demonstratives before a noun ("ce", "dieser", "este"): with a possessive, a thing's
    /// noun of either gender may follow (`subject::other_gender`).
    #[serde(default)]
    pub(super) demonstratives: Vec<String>,
    /// Verbs that take a thing as their object: a name right after one is no subject put after
    /// its verb ("presentó Noches en los jardines de España"; Spanish, `subject`).
    #[serde(default)]
    pub(super) object_verbs: Vec<String>,
    /// The `references` that count a day or a year from a date ("the following year", "al día
    /// siguiente"): they point back only where the sentence gives no date before them.
    #[serde(default)]
    pub(super) dated_references: Vec<String>,
    /// Those of them that count a day ("le même jour"): a day and month before tell it too.
    #[serde(default)]
    pub(super) day_references: Vec<String>,
    /// Words of degree after a noun ("el lago navegable más alto"): a description follows, no
    /// name goes in before it (`topic_noun`).
    #[serde(default)]
    pub(super) degree_words: Vec<String>,
    /// A join with no comma and a second finite verb after it, with its clitic ("y se
    /// licenció", "et a fondé"): two acts in one sentence, one dated.
    #[serde(default)]
    pub(super) verb_joins: Vec<String>,
    /// Words opening a relative or subordinate clause ("who", "qui", "que", "der"), and the
    /// endings of a participle opening one ("named", "nommé"): a date in such a clause is not
    /// the sentence's own event.
    #[serde(default)]
    pub(super) subordinate: Vec<String>,
    /// A sentence's subject left out or a pronoun (see the data files; `refer::supply_subject`):
    /// prepositions opening a phrase before the subject, a finite verb's endings and forms,
    /// clitics before it, subject pronouns.
    #[serde(default)]
    pub(super) subject_openers: Vec<String>,
    #[serde(default)]
    pub(super) finite_endings: Vec<String>,
    #[serde(default)]
    pub(super) finite_verbs: Vec<String>,
    #[serde(default)]
    pub(super) clitics: Vec<String>,
    #[serde(default)]
    pub(super) subject_pronouns: Vec<String>,
    /// A woman's subject pronoun the language writes as it writes "they" and "her" (German
    /// "sie"; not in `female_pronouns`, whose votes tell a sex).
    #[serde(default)]
    pub(super) female_subject_pronouns: Vec<String>,
    /// Where the subject follows the verb after another opening (German "1907 promovierte
    /// sie"): the small words such an opening may hold besides names, numbers and months.
    #[serde(default)]
    pub(super) fronted: Vec<String>,
    /// The endings of a plural verb ("prägten sie": "they", or "her" as its object).
    #[serde(default)]
    pub(super) plural_endings: Vec<String>,
    /// The pronouns a thing stands for as a subject ("it", "elle", "er").
    #[serde(default)]
    pub(super) thing_pronouns: Vec<String>,
    /// The thing pronoun each article of a thing's name takes ("der" → "er").
    #[serde(default)]
    pub(super) thing_pronoun_of: BTreeMap<String, String>,
    /// The definite articles before a noun that may stand for the thing the title names ("the
    /// canal" in a text titled "The Panama Canal", "la tour" under "La tour Eiffel"), with
    /// "l'" for an elided one (`topic_noun`).
    #[serde(default)]
    pub(super) topic_articles: Vec<String>,
    /// The noun that stands for a place of each kind the lexicon knows ("the country" in a
    /// text titled "Greece"), by the kind's label (`lexicon::PlaceKind::label`).
    #[serde(default)]
    pub(super) place_nouns: BTreeMap<String, String>,
    /// Nouns a place's name is put before to name something else ("the Edo period", "the Ming
    /// dynasty"): a gap there asks no place (`filters`).
    #[serde(default)]
    pub(super) place_name_heads: Vec<String>,
    /// Prepositions besides `place_prepositions` that open a phrase, never a term ("Inside
    /// every seed is an embryo"; `detect`).
    #[serde(default)]
    pub(super) prepositions: Vec<String>,
    /// The word between a work's title and its author ("An Inspector Calls by J. B.
    /// Priestley"): the title's thing is the work (`topic_noun`).
    #[serde(default)]
    pub(super) bylines: Vec<String>,
    /// Words that make a date the point of its sentence ("only in 1825", "erst 1990"): the
    /// sentence without its date says something else (`render::undated`).
    #[serde(default)]
    pub(super) date_focus: Vec<String>,
    /// Whether a name's head noun is its last word ("the Panama Canal", "die Berliner
    /// Luftbrücke"), not the first after the article ("el canal de Panamá").
    #[serde(default)]
    pub(super) head_last: bool,
    /// The small words that join a complement to a noun ("the canal of Corinth", "l'édit de
    /// tolérance"): a noun they follow is another thing of its kind (`topic_noun`).
    #[serde(default)]
    pub(super) noun_complements: Vec<String>,
    /// A plural name's complement after a singular noun, by the name's first word ("The
    /// Galápagos Islands": "the archipelago of the Galápagos Islands"; "Les îles Kerguelen":
    /// "l'archipel des îles Kerguelen"), and the verbs that say a plural name is something
    /// ("The Galápagos Islands are an archipelago"), or the plural articles that tell
    /// (`topic_noun`).
    #[serde(default)]
    pub(super) plural_complements: BTreeMap<String, String>,
    #[serde(default)]
    pub(super) plural_copulas: Vec<String>,
    #[serde(default)]
    pub(super) plural_articles: Vec<String>,
    /// Words soon after a subject pronoun that make it stand for no one ("il y a", "es gibt").
    #[serde(default)]
    pub(super) impersonal: Vec<String>,
    #[serde(default)]
    pub(super) participle_endings: Vec<String>,
    pub(super) gendered: Vec<String>,
    pub(super) examples: Vec<String>,
    pub(super) spans: Vec<String>,
    /// Words that give a place's other name ("Edo, renamed Tokyo", "la actual Colombia"): the
    /// two are one place, never both among a question's options.
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    /// Words right before a person's second name ("Henri de Navarre, futur Henri IV", "Octavian,
    /// later Augustus"): the two are one person, never both among a question's options.
    #[serde(default)]
    pub(super) person_aliases: Vec<String>,
    pub(super) is: Vec<String>,
    pub(super) articles: Vec<String>,
    pub(super) called: Vec<String>,
    /// A name given in passing after a comma ("…, called codons").
    pub(super) called_inline: Vec<String>,
    /// A name given at a sentence's end for what its first clause says ("…, this is called
    /// self-pollination"), after a comma (`define_more::called_back`).
    #[serde(default)]
    pub(super) called_back: Vec<String>,
    /// The links of "The male part of a flower is the stamen" (`define_more::is_the`).
    #[serde(default)]
    pub(super) is_the: Vec<String>,
    /// The links of "Den Raum …, in dem …, nennt man Magnetfeld." (`define_more::called_at_end`).
    #[serde(default)]
    pub(super) called_end: Vec<String>,
    /// The "or" that gives a term's second name ("Breathing, or ventilation, is …").
    pub(super) or_names: Vec<String>,
    /// Words that open what a kind of thing is after a colon ("hydrocarbons: compounds made of
    /// …", "des composés …"): an indefinite article (in English a bare plural noun too).
    #[serde(default)]
    pub(super) kind_openers: Vec<String>,
    /// The words that join a list's last item ("methane, ethane, propane and butane").
    #[serde(default)]
    pub(super) list_joins: Vec<String>,
    /// Words a noun comes after ("the", "of", "into"): a word after one, heading its phrase,
    /// is used as a noun (English only, for `wrong_terms::technical_nouns`).
    #[serde(default)]
    pub(super) noun_markers: Vec<String>,
    /// Head nouns that name no sort of thing ("a type of respiration"): the noun after "of"
    /// tells it (English only, where WordNet gives the sorts).
    #[serde(default)]
    pub(super) generic_heads: Vec<String>,
    /// Words that join a second clause after a comma ("…, and a diode …"): a meaning ends there.
    pub(super) clause_links: Vec<String>,
    /// The words after a hyphen that stands for a word's second half ("Nord- und Ostsee"): a
    /// suspended compound, no word split by a line break.
    #[serde(default)]
    pub(super) suspended_joins: Vec<String>,
    /// Countries named with an article ("die Niederlande", "die Schweiz"): no wrong answer in a
    /// gap that takes a bare name ("in _____": "in Niederlande" is no German).
    #[serde(default)]
    pub(super) article_countries: Vec<String>,
    pub(super) given_names: Vec<String>,
    pub(super) name_particles: Vec<String>,
    /// Titles and kin words that tell a man or a woman, before a name or heading its
    /// apposition (`sex`).
    #[serde(default)]
    pub(super) male_titles: Vec<String>,
    #[serde(default)]
    pub(super) female_titles: Vec<String>,
    /// Pronouns only a man (a woman) is; `object_pronouns` among them tell nothing of the
    /// sentence's subject.
    #[serde(default)]
    pub(super) male_pronouns: Vec<String>,
    #[serde(default)]
    pub(super) female_pronouns: Vec<String>,
    #[serde(default)]
    pub(super) object_pronouns: Vec<String>,
    /// Object pronouns that are articles too ("lo", "la"): before a verb in a sentence's first
    /// clause, they stand for something named before it (`filters_reference::clitic_back`).
    #[serde(default)]
    pub(super) object_clitics: Vec<String>,
    /// Subject pronouns, and the object pronouns after them ("on la marie", "il l'épouse"),
    /// where a subject pronoun tells an article from a pronoun: such an object stands for
    /// something named before, unless a name comes before it in the sentence
    /// (`filters_reference::clitic_back`); a negation may come between ("il ne la voit").
    #[serde(default)]
    pub(super) clitic_subjects: Vec<String>,
    #[serde(default)]
    pub(super) subject_clitics: Vec<String>,
    #[serde(default)]
    pub(super) negations: Vec<String>,
    /// Openings where a pronoun stands for no one ("Il y a"): no evidence of a sex (`sex`).
    #[serde(default)]
    pub(super) impersonal_openings: Vec<String>,
    /// Verbs that join a name to what it is ("X is a strong man").
    #[serde(default)]
    pub(super) copulas: Vec<String>,
    /// Auxiliary verbs: after a name, they make it a clause's subject ("Slim has given …").
    #[serde(default)]
    pub(super) auxiliaries: Vec<String>,
    /// Given names of the language by usual sex.
    #[serde(default)]
    pub(super) male_names: Vec<String>,
    #[serde(default)]
    pub(super) female_names: Vec<String>,
    /// The words before a day's date (`order`).
    pub(super) date_on: Vec<String>,
    /// Words that give an ordering question's option its place in time (`order`).
    pub(super) order_clues: Vec<String>,
    /// Object pronouns an ordering question's option may not carry (`order`).
    pub(super) order_points_back: Vec<String>,
}

/// The fixed words of a question.
#[derive(Deserialize)]
pub(super) struct Say {
    pub(super) year: String,
    /// A range of years or of values asked whole.
    pub(super) years: String,
    pub(super) values: String,
    pub(super) when: String,
    pub(super) value: String,
    pub(super) person: String,
    pub(super) who: String,
    pub(super) who_end: String,
    pub(super) place: BTreeMap<String, String>,
    pub(super) term: String,
    pub(super) means: String,
    /// A table's row asked by a cell ("{key}", "{column}", "{value}").
    pub(super) table: String,
    /// A glossary's person asked by what they are ("{}").
    pub(super) who_is: String,
    /// A list's item asked by its description ("{}"), and with the list's class ("{class}").
    pub(super) listed: String,
    pub(super) listed_class: String,
    /// A value list's item by its value ("{}"), and by the quantity the lead-in names
    /// ("{quantity}": "density"; English).
    pub(super) valued: String,
    #[serde(default)]
    pub(super) valued_quantity: String,
    /// The step after a list's step ("{}").
    pub(super) next_step: String,
    /// A causal statement's clause asked: its cause, its effect (`cause`).
    pub(super) cause: String,
    pub(super) effect: String,
    pub(super) from_text: String,
    /// Which of the text's dated events came first, or last (`order`).
    pub(super) order_first: String,
    pub(super) order_last: String,
}

const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Es, Lang::De];

impl Lang {
    /// The language a text is written in, of the four (English when it is none of them).
    pub(super) fn detect(text: &str) -> Lang {
        use whatlang::{Detector, Lang as W};
        // A sample from the start, middle and end is enough, and keeps a 10 MB text quick.
        let sample = sample(text, 20_000);
        let detector = Detector::with_allowlist(vec![W::Eng, W::Fra, W::Spa, W::Deu]);
        match detector.detect_lang(&sample) {
            Some(W::Fra) => Lang::Fr,
            Some(W::Spa) => Lang::Es,
            Some(W::Deu) => Lang::De,
            _ => Lang::En,
        }
    }

    /// The language `--language` names (its English or own name, or its code); `None` for one
    /// offline generation does not write, which gets English words.
    pub(super) fn named(name: &str) -> Option<Lang> {
        match name.trim().to_lowercase().as_str() {
            "english" | "en" => Some(Lang::En),
            "french" | "français" | "francais" | "fr" => Some(Lang::Fr),
            "spanish" | "español" | "espanol" | "es" => Some(Lang::Es),
            "german" | "deutsch" | "de" => Some(Lang::De),
            _ => None,
        }
    }

    pub(super) fn data(self) -> &'static Data {
        static DATA: OnceLock<Vec<Data>> = OnceLock::new();
        let all = DATA.get_or_init(|| {
            [
                include_str!("data/en.toml"),
                include_str!("data/fr.toml"),
                include_str!("data/es.toml"),
                include_str!("data/de.toml"),
            ]
            .iter()
            // The data files are the crate's own, parsed by a test: a mistake fails the build.
            .map(|t| toml::from_str(t).expect("offline language data parses"))
            .collect()
        });
        &all[self as usize]
    }

    /// The Snowball stemmer of the language.
    pub(super) fn stemmer(self) -> &'static rust_stemmers::Stemmer {
        use rust_stemmers::{Algorithm, Stemmer};
        static STEMMERS: OnceLock<Vec<Stemmer>> = OnceLock::new();
        let all = STEMMERS.get_or_init(|| {
            [
                Algorithm::English,
                Algorithm::French,
                Algorithm::Spanish,
                Algorithm::German,
            ]
            .into_iter()
            .map(Stemmer::create)
            .collect()
        });
        &all[self as usize]
    }

    /// The language's stop words (NLTK's).
    pub(super) fn stop_words(self) -> &'static [&'static str] {
        stop_words::lookup(&self.data().code).unwrap_or_default()
    }

    /// Whether a word (lower case) is one of the language's stop words.
    pub(super) fn is_stop(self, word: &str) -> bool {
        static STOPS: OnceLock<Vec<HashSet<&'static str>>> = OnceLock::new();
        let all = STOPS.get_or_init(|| {
            ALL.iter()
                .map(|l| l.stop_words().iter().copied().collect())
                .collect()
        });
        all[self as usize].contains(word)
    }

    /// A word's stem, in lower case.
    pub(super) fn stem(self, word: &str) -> String {
        self.stemmer().stem(&word.to_lowercase()).into_owned()
    }

    /// The stems of a phrase's content words (longer than two letters, no stop word), in its
    /// order: what "shares a word with" means across the stages.
    pub(super) fn content_stems(self, s: &str) -> Vec<String> {
        (s.to_lowercase().split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() > 2 && !self.is_stop(w))
            .map(|w| self.stem(w))
            .collect()
    }
}

/// Up to `max` bytes of the text, from its start, middle and end, cut at char boundaries.
fn sample(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let third = max / 3;
    let at = |i: usize| {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mid = at(text.len() / 2);
    [
        &text[..at(third)],
        &text[mid..at(mid + third)],
        &text[at(text.len() - third)..],
    ]
    .join(" ")
}

/// Whether `lower` (lower case) ends with one of the phrases, at a word boundary.
/// A word or phrase with its first letter in upper case ("la tour" → "La tour").
pub(super) fn capitalise(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A word or phrase with its first letter in lower case.
/// The word a possessive is of ("Gogh's", "Gogh’s" → "Gogh"); none for a word that is none.
pub(super) fn possessor(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

pub(super) fn lower_first(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

pub(super) fn ends_with_any(lower: &str, phrases: &[String]) -> bool {
    let lower = lower.trim_end();
    phrases.iter().any(|p| {
        lower.strip_suffix(p.as_str()).is_some_and(|before| {
            before.is_empty() || before.ends_with(|c: char| !c.is_alphanumeric())
        })
    })
}

/// Whether `lower` (lower case) holds one of the phrases as whole words.
pub(super) fn holds_any(lower: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|p| holds(lower, p))
}

/// Whether the lower case of `text` keeps every letter's length, so that an offset found in
/// the lower case is the text's too ("İ" grows and "ẞ" shrinks when lowered: two of them may
/// leave the lengths equal and the offsets not).
pub(super) fn same_offsets(text: &str) -> bool {
    text.chars()
        .all(|c| c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8())
}

/// Whether `text` names `name` whole: not inside a longer name ("New England" is not
/// England, "George Washington" not Washington).
pub(super) fn names(text: &str, name: &str, lang: Lang) -> bool {
    // A name's word: a capital, and no small word opening the sentence ("In England").
    let capital = |w: &str| w.starts_with(char::is_uppercase) && !lang.is_stop(&w.to_lowercase());
    text.match_indices(name).any(|(i, m)| {
        let (head, tail) = (&text[..i], &text[i + m.len()..]);
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        // The word before, unless a stop or a comma ends it; the word after.
        let before = (head.strip_suffix(' ')).and_then(|h| h.rsplit(' ').next());
        let after = (tail.strip_prefix(' ')).and_then(|t| t.split(' ').next());
        edge(head.chars().next_back())
            && edge(tail.chars().next())
            && !before.is_some_and(|b| capital(b) && !b.ends_with(['.', ',', ';', ':']))
            && !after.is_some_and(capital)
    })
}

/// Whether `lower` holds `phrase` as whole words.
pub(super) fn holds(lower: &str, phrase: &str) -> bool {
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    lower.match_indices(phrase).any(|(i, m)| {
        edge(lower[..i].chars().next_back()) && edge(lower[i + m.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_named_whole_not_inside_a_longer_name() {
        let names = |t: &str, n: &str| names(t, n, Lang::En);
        assert!(names("In England, he worked as a clerk.", "England"));
        assert!(names("He went back to England in 1850.", "England"));
        // Review: "New England", "George Washington" name neither.
        assert!(!names("He settled in New England in 1850.", "England"));
        assert!(!names(
            "They elected George Washington president.",
            "Washington"
        ));
        assert!(!names("Englanders came.", "England"));
    }

    #[test]
    fn every_data_file_parses_and_says_every_place_kind() {
        for l in ALL {
            let d = l.data();
            for kind in ["country", "city", "river", "range", "place"] {
                assert!(d.say.place.contains_key(kind), "{} {kind}", d.code);
            }
            assert!(d.say.means.contains("{}"), "{}", d.code);
            assert!(stop_words::lookup(&d.code).is_some(), "{}", d.code);
        }
    }

    #[test]
    fn detects_the_four_languages() {
        let cases = [
            (
                "The river flows slowly through the wide valley towards the sea.",
                Lang::En,
            ),
            (
                "Le fleuve traverse lentement la grande vallée avant de rejoindre la mer.",
                Lang::Fr,
            ),
            (
                "El río atraviesa lentamente el gran valle antes de llegar al mar.",
                Lang::Es,
            ),
            (
                "Der Fluss fließt langsam durch das weite Tal bis zum Meer.",
                Lang::De,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(Lang::detect(text), want, "{text}");
        }
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(holds("it is about 5 km", "about"));
        assert!(!holds("the roundabout", "about"));
        assert!(ends_with_any(
            "walls of more than",
            &["more than".to_owned()]
        ));
        assert!(!ends_with_any(
            "furthermore than",
            &["more than".to_owned()]
        ));
    }
}
