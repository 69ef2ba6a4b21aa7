//! The fixed words of offline questions, in the languages `--language` may name: English,
//! French, Spanish and German (anything else gets English).

use super::terms::Kind;

/// One language's phrases.
pub(super) struct Phrases {
    year: &'static str,
    /// "In which year did this happen?", after a dated sentence whose date opened it.
    when: &'static str,
    value: &'static str,
    name: &'static str,
    place: &'static str,
    person: &'static str,
    term: &'static str,
    /// "Which term means “{}”?"
    means: (&'static str, &'static str),
    from_text: &'static str,
    /// Words that open a sentence pointing back to the one before.
    pointers: &'static [&'static str],
    /// "of" (as in "60 percent of it"), for subjects that are a share of something before.
    of: &'static [&'static str],
}

const EN: Phrases = Phrases {
    year: "Which year fills the gap?",
    when: "In which year did this happen?",
    value: "Which value fills the gap?",
    name: "Which name fills the gap?",
    place: "Which place fills the gap?",
    person: "Who fills the gap?",
    term: "Which term fills the gap?",
    means: ("Which term means “", "”?"),
    from_text: "From the text",
    pointers: &[
        "this", "these", "those", "that", "it", "its", "they", "their", "them", "he", "she", "his",
        "her", "such", "there",
    ],
    of: &["of"],
};

const FR: Phrases = Phrases {
    year: "Quelle année complète la phrase ?",
    when: "En quelle année cela s'est-il passé ?",
    value: "Quelle valeur complète la phrase ?",
    name: "Quel nom complète la phrase ?",
    place: "Quel lieu complète la phrase ?",
    person: "Qui complète la phrase ?",
    term: "Quel terme complète la phrase ?",
    means: ("Quel terme désigne « ", " » ?"),
    from_text: "D'après le texte",
    pointers: &[
        "il", "elle", "ils", "elles", "ce", "cet", "cette", "ces", "cela", "ceci", "son", "sa",
        "ses", "leur", "leurs", "celui", "celle", "ceux",
    ],
    of: &["de", "d"],
};

const ES: Phrases = Phrases {
    year: "¿Qué año completa la frase?",
    when: "¿En qué año ocurrió esto?",
    value: "¿Qué valor completa la frase?",
    name: "¿Qué nombre completa la frase?",
    place: "¿Qué lugar completa la frase?",
    person: "¿Quién completa la frase?",
    term: "¿Qué término completa la frase?",
    means: ("¿Qué término significa «", "»?"),
    from_text: "Según el texto",
    pointers: &[
        "este", "esta", "estos", "estas", "esto", "ese", "esa", "esos", "esas", "él", "ella",
        "ellos", "ellas", "su", "sus", "dicho", "dicha",
    ],
    of: &["de"],
};

const DE: Phrases = Phrases {
    year: "Welches Jahr ergänzt den Satz?",
    when: "In welchem Jahr geschah das?",
    value: "Welcher Wert ergänzt den Satz?",
    name: "Welcher Name ergänzt den Satz?",
    place: "Welcher Ort ergänzt den Satz?",
    person: "Wer ergänzt den Satz?",
    term: "Welcher Begriff ergänzt den Satz?",
    means: ("Welcher Begriff bedeutet „", "“?"),
    from_text: "Laut Text",
    pointers: &[
        "er", "sie", "es", "dieser", "diese", "dieses", "diesem", "diesen", "sein", "seine", "ihr",
        "ihre", "solche", "dort",
    ],
    of: &["von"],
};

/// Whether the gap follows words that set an example ("such as _____", "comme _____"): any
/// other of its kind might be an example too, so the gap has no one answer. Every language's
/// words: the text's language need not be `--language`'s.
pub(super) fn gives_an_example(blanked: &str) -> bool {
    const EXAMPLES: [&str; 17] = [
        "such as",
        "like",
        "including",
        "e.g.",
        "for example",
        "for instance",
        "comme",
        "tels que",
        "telles que",
        "par exemple",
        "como",
        "tales como",
        "por ejemplo",
        "incluido",
        "wie",
        "zum beispiel",
        "z. b.",
    ];
    let before = blanked.split_once("_____").map_or("", |(b, _)| b);
    // The clause the gap is in, up to six words back: "including Peru and _____" too.
    let clause = before.rsplit([';', ':', '.', '(']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().collect();
    let near = format!(
        " {}",
        words[words.len().saturating_sub(6)..]
            .join(" ")
            .to_lowercase()
    );
    EXAMPLES.iter().any(|e| {
        near.match_indices(e).any(|(i, _)| {
            let after = &near[i + e.len()..];
            near[..i].ends_with([' ', ',']) && (after.is_empty() || after.starts_with([' ', ',']))
        })
    })
}

/// Whether a text is written in English (its most common words are), whatever `--language`
/// says: built-in names are English and go only into an English text.
pub(super) fn looks_english(text: &str) -> bool {
    written_in(text, &["the", "and", "of", "is", "was", "were"])
}

/// Whether a text is written in Spanish (its most common words are).
pub(super) fn looks_spanish(text: &str) -> bool {
    written_in(text, &["el", "los", "las", "del", "y", "que"])
}

/// Whether one word in twenty of the text is one of a language's `common` words.
fn written_in(text: &str, common: &[&str]) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    let found = words
        .iter()
        .filter(|w| common.contains(&w.as_str()))
        .count();
    !words.is_empty() && found * 100 >= words.len() * 5
}

/// Spanish words that may open a sentence that has its subject: articles, prepositions,
/// determiners, adverbs.
const ES_NOT_VERBS: [&str; 87] = [
    "el",
    "la",
    "los",
    "las",
    "un",
    "una",
    "unos",
    "unas",
    "lo",
    "al",
    "del",
    "en",
    "de",
    "con",
    "por",
    "para",
    "según",
    "hacia",
    "desde",
    "hasta",
    "durante",
    "cuando",
    "si",
    "como",
    "también",
    "este",
    "esta",
    "estos",
    "estas",
    "ese",
    "esa",
    "esos",
    "esas",
    "su",
    "sus",
    "mi",
    "muchos",
    "muchas",
    "algunos",
    "algunas",
    "hoy",
    "ya",
    "así",
    "entre",
    "sobre",
    "tras",
    "ante",
    "bajo",
    "sin",
    "pero",
    "aunque",
    "además",
    "cada",
    "todo",
    "todos",
    "toda",
    "todas",
    "otro",
    "otra",
    "otros",
    "otras",
    "más",
    "menos",
    "no",
    "solo",
    "sólo",
    "allí",
    "aquí",
    "antes",
    "después",
    "luego",
    "casi",
    "alrededor",
    "aproximadamente",
    "cerca",
    "quizá",
    "quizás",
    "primero",
    "finalmente",
    "entonces",
    "aún",
    "incluso",
    "mientras",
    "gracias",
    "dentro",
    "junto",
    "lejos",
];

/// Whether a Spanish sentence opens with its verb, its subject left out ("Nace en los Andes":
/// what rises there?): the subject is in a sentence before. `names` are the words the text
/// capitalises inside sentences (a name opening a sentence is its subject).
pub(super) fn opens_with_a_verb(sentence: &str, names: &std::collections::HashSet<String>) -> bool {
    let Some(first) = sentence.split_whitespace().next() else {
        return false;
    };
    let word = first.trim_matches(|c: char| !c.is_alphabetic());
    let lower = word.to_lowercase();
    !word.is_empty()
        && !ES_NOT_VERBS.contains(&lower.as_str())
        && !names.contains(word)
        && !first.starts_with(|c: char| c.is_ascii_digit() || c == '¿' || c == '¡')
}

/// The phrases for a `--language` value: a name in English or in the language itself, or a
/// code (`fr`, `es-MX`).
pub(super) fn phrases(language: &str) -> &'static Phrases {
    let l = language.trim().to_lowercase();
    let code = l.split(['-', '_']).next().unwrap_or("");
    match () {
        () if l.starts_with("fren") || l.starts_with("fran") || code == "fr" => &FR,
        () if l.starts_with("span")
            || l.starts_with("espa")
            || l.starts_with("castel")
            || code == "es" =>
        {
            &ES
        }
        () if l.starts_with("germ") || l.starts_with("deut") || code == "de" => &DE,
        () => &EN,
    }
}

impl Phrases {
    /// Whether a sentence opens with a word pointing back to the one before.
    /// Whether a sentence's subject points back: a pointer among its first three words ("It
    /// last erupted", "Some of its trains", "Most of them live").
    pub(super) fn points_back(&self, sentence: &str) -> bool {
        let words: Vec<String> = sentence
            .split_whitespace()
            .take(4)
            .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
            .collect();
        let first = (0..words.len().min(3)).any(|i| {
            // "Roads such as the Via Appia": an example follows, nothing is pointed back at.
            let example = words[i] == "such" && words.get(i + 1).is_some_and(|n| n == "as");
            // After the first word, "that" and "there" join clauses ("Water that soaks").
            let joins = i > 0 && matches!(words[i].as_str(), "that" | "there");
            self.pointers.contains(&words[i].as_str()) && !example && !joins
        });
        // "Around 60 percent of it lies in Brazil": a share of something named before.
        let share_of = sentence
            .split_whitespace()
            .take(6)
            .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
            .collect::<Vec<_>>()
            .windows(2)
            .any(|p| self.of.contains(&p[0].as_str()) && self.pointers.contains(&p[1].as_str()));
        first || share_of
    }

    /// A gap-fill stem: the sentence with its gap (after the sentence before it, when this one
    /// points back), then the question.
    pub(super) fn cloze(&self, kind: &Kind, blanked: &str, context: Option<&str>) -> String {
        let lead = match kind {
            Kind::Year => self.year,
            Kind::Number(u) if matches!(u.as_str(), "bc" | "ad" | "bce" | "ce") => self.year,
            Kind::Number(_) => self.value,
            Kind::Place => self.place,
            Kind::Person => self.person,
            Kind::Name(_) => self.name,
            Kind::Term => self.term,
        };
        match context {
            Some(c) => format!("{c} {blanked} {lead}"),
            None => format!("{blanked} {lead}"),
        }
    }

    /// A date that opens its sentence asked as a question of its own: "In _____ the Senate gave
    /// Octavian the title Augustus" → "The Senate gave Octavian the title Augustus. In which year
    /// did this happen?". `None` for anything else, which is asked as a gap.
    pub(super) fn when(&self, kind: &Kind, blanked: &str, context: Option<&str>) -> Option<String> {
        let dated = match kind {
            Kind::Year => true,
            Kind::Number(u) => matches!(u.as_str(), "bc" | "ad" | "bce" | "ce"),
            _ => false,
        };
        let rest = ["In _____", "En _____", "Im Jahr _____"]
            .iter()
            .find_map(|opening| blanked.strip_prefix(opening))
            .filter(|_| dated)?;
        let rest = rest.trim_start_matches(',').trim();
        if rest.split_whitespace().count() < 5 || rest.contains("_____") {
            return None;
        }
        let mut chars = rest.chars();
        let clause: String = chars.next()?.to_uppercase().chain(chars).collect();
        Some(match context {
            Some(c) => format!("{c} {clause} {}", self.when),
            None => format!("{clause} {}", self.when),
        })
    }

    pub(super) fn means(&self, definition: &str) -> String {
        format!("{}{}{}", self.means.0, definition.trim(), self.means.1)
    }

    pub(super) fn explain(&self, origin: &str, sentence: &str) -> String {
        format!("{} ({origin}): \"{sentence}\"", self.from_text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_that_opens_its_sentence_is_asked_when() {
        let en = phrases("English");
        assert_eq!(
            en.when(
                &Kind::Year,
                "In _____ the Senate gave Octavian the title Augustus.",
                None
            )
            .as_deref(),
            Some("The Senate gave Octavian the title Augustus. In which year did this happen?")
        );
        assert_eq!(
            phrases("French")
                .when(
                    &Kind::Year,
                    "En _____, la première ligne relie Stockton à Darlington.",
                    None
                )
                .as_deref(),
            Some(
                "La première ligne relie Stockton à Darlington. En quelle année cela s'est-il passé ?"
            )
        );
        assert!(
            en.when(&Kind::Year, "Rome destroyed Carthage in _____.", None)
                .is_none()
        );
        assert!(
            en.when(&Kind::Place, "In _____ the Senate met every month.", None)
                .is_none()
        );
    }

    #[test]
    fn a_spanish_sentence_without_its_subject_is_seen() {
        let names: std::collections::HashSet<String> = ["Perú".to_owned()].into();
        assert!(opens_with_a_verb(
            "Nace en la cordillera de los Andes, en Perú.",
            &names
        ));
        assert!(!opens_with_a_verb("El río atraviesa la selva.", &names));
        assert!(!opens_with_a_verb(
            "Alrededor del 97 por ciento del agua es salada.",
            &names
        ));
        assert!(!opens_with_a_verb("Perú es un país de los Andes.", &names));
        assert!(looks_spanish(
            "El Amazonas es el río más caudaloso del mundo y nace en los Andes."
        ));
        assert!(!looks_spanish(
            "The Amazon is the largest river in the world."
        ));
    }

    #[test]
    fn an_english_text_is_told_from_others() {
        assert!(looks_english(
            "The Vikings were seafaring people from Scandinavia who raided and traded across Europe."
        ));
        assert!(!looks_english(
            "El Imperio inca fue el estado más grande de América antes de la llegada de los europeos."
        ));
        assert!(!looks_english(
            "La Révolution française commence en 1789 avec la prise de la Bastille."
        ));
    }

    #[test]
    fn no_gap_after_words_that_set_an_example() {
        assert!(gives_an_example(
            "Some countries, such as _____, remove the salt from seawater."
        ));
        assert!(gives_an_example(
            "Des pays comme _____ dessalent l'eau de mer."
        ));
        assert!(gives_an_example(
            "It spreads across eight other countries, including Peru and _____."
        ));
        assert!(!gives_an_example(
            "Countries such as Peru grow maize; the Inca capital was _____."
        ));
        assert!(!gives_an_example("The unlike _____ poles attract."));
        assert!(!gives_an_example("The river flows into _____ near Cairo."));
    }

    #[test]
    fn a_subject_that_points_back_is_seen_in_the_first_words() {
        let en = phrases("English");
        assert!(en.points_back("It last erupted in 1707."));
        assert!(en.points_back("Some of its trains now run at 320 kilometres per hour."));
        assert!(en.points_back("Most of them live in cities along the coast."));
        assert!(!en.points_back("Roads such as the Via Appia let the legions move."));
        assert!(!en.points_back("Water that soaks into the soil is called infiltration."));
        assert!(!en.points_back("The heart has four chambers, and it pumps blood."));
        assert!(phrases("fr").points_back("Elle fut proclamée en 1792."));
        assert!(en.points_back("Around 60 percent of it lies in Brazil."));
        assert!(!en.points_back("The routes ran for more than 6,400 kilometres of desert."));
    }
}
