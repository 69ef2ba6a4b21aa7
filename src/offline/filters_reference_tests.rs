//! The reference filter's tests: a stem that points back (it, they, there, the term, plus
//! tard, dort) with nothing before it to point to.
use super::tests::{draft, struck, value};
use super::*;

#[test]
fn letters_that_grow_in_lower_case_do_not_break_the_reading() {
    // "İ" is two bytes, its lower case three: offsets must come from one string.
    assert!(!points_back(
        "İstanbul grew and it became the capital.",
        Lang::En
    ));
    assert!(points_back(
        "In 1920 it rained in İzmir for many days.",
        Lang::En
    ));
    assert!(points_back("The caİro of it: this one.", Lang::En));
}

#[test]
fn a_reference_with_nothing_before_is_struck() {
    let year = Kind::Year { era: None };
    let d = draft(
        &year,
        "It defeated China in 1895 after a short war at sea.",
        "1895",
        Lang::En,
    );
    assert!(struck(&d, "reference-unresolved"));
    let d = draft(
        &year,
        "Plus tard, en 1885, il soigne un garçon mordu par un chien.",
        "1885",
        Lang::Fr,
    );
    assert!(struck(&d, "reference-unresolved"));
    let d = draft(
        &year,
        "Japan defeated China in 1895 after a short war at sea.",
        "1895",
        Lang::En,
    );
    assert!(strike(&d).is_none());
}

#[test]
fn a_phrase_before_the_comma_names_no_one_its_pronoun_could_be() {
    // A participle or a noun opening a phrase, then the pronoun subject: nobody named.
    for (s, lang) in [
        ("Battu en 1889, il retourne à l'enseignement.", Lang::Fr),
        ("Élève brillant, il obtient une bourse.", Lang::Fr),
        ("Born in a mining town, she trained as a nurse.", Lang::En),
        (
            "Nombrado virrey en 1535, él gobernó con prudencia.",
            Lang::Es,
        ),
    ] {
        assert!(points_back(s, lang), "{s}");
    }
    // A name before the comma, or a name in the phrase, is someone the pronoun may be.
    for (s, lang) in [
        (
            "Quand Jaurès est battu, il retourne à l'enseignement.",
            Lang::Fr,
        ),
        (
            "Born in Leeds to Ada Smith, she trained as a nurse.",
            Lang::En,
        ),
        ("En 1885, Jaurès est élu, et il siège au centre.", Lang::Fr),
    ] {
        assert!(!points_back(s, lang), "{s}");
    }
    let d = draft(
        &Kind::Year { era: None },
        "Battu en 1889, il retourne à l'enseignement et prépare une thèse.",
        "1889",
        Lang::Fr,
    );
    assert!(struck(&d, "reference-unresolved"));
}

#[test]
fn a_family_or_a_ruler_named_by_a_common_noun_points_back() {
    // Whose family, which dictator: the stem does not say.
    for (s, lang) in [
        ("In 1909 the family moved to Granada.", Lang::En),
        ("La familia se trasladó a Granada en 1909.", Lang::Es),
        ("En 1923 el dictador suspendió la Constitución.", Lang::Es),
        (
            "1880 zog die Familie nach München, wo die Firma wuchs.",
            Lang::De,
        ),
        ("En 1889 la compagnie fait faillite.", Lang::Fr),
        // A life's person by their age: which young man?
        ("En 1859, le jeune homme part pour Paris.", Lang::Fr),
        ("In 1859 the young man left for Paris.", Lang::En),
    ] {
        assert!(points_back(s, lang), "{s}");
    }
    // Named, or of someone named: nothing to point back to.
    assert!(!points_back(
        "In 1909 the family of Federico García Lorca moved to Granada.",
        Lang::En
    ));
    assert!(!points_back(
        "En 1923 el dictador Miguel Primo de Rivera suspendió la Constitución.",
        Lang::Es
    ));
    // Someone named before: the couple is theirs.
    assert!(!points_back(
        "1525 heiratete Luther Katharina von Bora; das Paar bekam sechs Kinder.",
        Lang::De
    ));
    // The difference between what: said, or not.
    assert!(points_back(
        "Den Unterschied von etwa 33 Grad verdanken wir dem Treibhauseffekt.",
        Lang::De
    ));
    assert!(!points_back(
        "Franco murió en 1975, después de casi cuarenta años de dictadura.",
        Lang::Es
    ));
    assert!(!points_back(
        "The difference between January and July often exceeds 18 °C.",
        Lang::En
    ));
    // "Damit" opens on what the sentence before said.
    assert!(points_back(
        "Damit war die Teilung Deutschlands für 41 Jahre besiegelt.",
        Lang::De
    ));
    // French "c'est": back unless a cleft that adds nothing.
    for s in [
        "C'est le principe de superposition, énoncé par Sténon en 1669.",
        "C'est peu pour un territoire aussi vaste : la densité est faible.",
        "C'est aussi en 1931 qu'il épouse Consuelo Suncín.",
    ] {
        assert!(points_back(s, Lang::Fr), "{s}");
    }
    assert!(!points_back(
        "C'est en 1669 que Sténon énonce le principe de superposition.",
        Lang::Fr
    ));
    // Named in an apposition; a phrase of time before the comma names nothing.
    assert!(!points_back(
        "In 1923 the dictator, Miguel Primo de Rivera, suspended the constitution.",
        Lang::En
    ));
    assert!(points_back(
        "La même année, Cousteau devient directeur du Musée océanographique.",
        Lang::Fr
    ));
    // German "ihnen", "Trotzdem"; "at that moment".
    assert!(points_back(
        "Zu ihnen gehörten Johannes Scharrer und Georg Platner.",
        Lang::De
    ));
    assert!(points_back(
        "Trotzdem gab Clara weiterhin Konzerte.",
        Lang::De
    ));
    assert!(points_back(
        "At that moment California was not yet part of the United States.",
        Lang::En
    ));
}

#[test]
fn a_month_or_a_german_noun_names_no_one_a_pronoun_could_be() {
    assert!(points_back(
        "In January 1610 he discovered four moons.",
        Lang::En
    ));
    assert!(points_back(
        "Im Juli 1505 geriet er in ein Gewitter.",
        Lang::De
    ));
    assert!(!points_back(
        "Im Juli 1505 geriet Johann in ein Gewitter, und er betete.",
        Lang::De
    ));
    assert!(!points_back("When Ada was 17 she met Babbage.", Lang::En));
    // A place or a thing's name is no one a "he" could be (round 4: Borlaug never named).
    assert!(points_back(
        "Working in Mexico from 1944 with funding from the Rockefeller Foundation, he bred new wheat.",
        Lang::En
    ));
    assert!(!points_back(
        "Working in Mexico from 1944, Norman Borlaug bred new wheat that he tested.",
        Lang::En
    ));
    assert!(points_back(
        "A devout Muslim, he made the pilgrimage to Mecca in 1324.",
        Lang::En
    ));
    assert!(points_back(
        "During the 1440s, first in Strasbourg and then back in Mainz, he combined several technologies.",
        Lang::En
    ));
    assert!(!points_back(
        "In Mainz Gutenberg printed the Bible, which he sold in Frankfurt.",
        Lang::En
    ));
    assert!(!points_back(
        "Jeder Landesherr bestimmte die Konfession seiner Untertanen.",
        Lang::De
    ));
    assert!(points_back(
        "Seit 2008 erinnert die Bertha Benz Memorial Route an dieses Ereignis.",
        Lang::De
    ));
    // "There" points back to a place, unless it only says that something is.
    assert!(points_back("There Marie Curie met Pierre Curie.", Lang::En));
    assert!(!points_back(
        "There are two kinds of tide in a month.",
        Lang::En
    ));
    // A word before an article opens a phrase; a name before a verb names.
    assert!(points_back(
        "Grâce aux antennes installées à son sommet, elle mesure 330 mètres.",
        Lang::Fr
    ));
    assert!(!points_back(
        "Eiffel rachète les droits du brevet à ses collaborateurs.",
        Lang::Fr
    ));
    assert!(points_back(
        "Selon ses mémoires, il voulait saigner l'armée française.",
        Lang::Fr
    ));
    assert!(points_back(
        "Fille de paysans, elle naît vers 1412 à Domrémy.",
        Lang::Fr
    ));
    assert!(!points_back(
        "Charles de Gaulle lance son appel depuis Londres, où il est arrivé la veille.",
        Lang::Fr
    ));
}

#[test]
fn a_pronoun_of_the_main_persons_sex_after_only_others_names_is_struck() {
    let year = Kind::Year { era: None };
    let she: Vec<String> = ["she", "her", "hers", "herself"].map(String::from).into();
    let about = |sentence: &'static str, context: Option<&'static str>| {
        let mut d = draft(&year, sentence, "1953", Lang::En);
        d.main = Some("Franklin");
        d.forms = Box::leak(Box::new(she.clone()));
        d.context = context;
        struck(&d, "reference-unresolved")
    };
    // Others named before "her" do not tell who she is: most likely Franklin, unnamed.
    assert!(about(
        "In 1953 Watson and Crick saw a report that contained her measurements.",
        None
    ));
    // The main person named first, or a pronoun of the other sex, is fine.
    assert!(!about(
        "In 1953 Franklin and Gosling published her measurements.",
        None
    ));
    assert!(!about(
        "In 1953 Watson showed his model to the press.",
        None
    ));
    // Someone of her sex opens the sentence: "she" is hers more likely.
    assert!(!about(
        "Queen Elizabeth opened the laboratory in 1953, and she met the team.",
        None
    ));
    // A lead sentence must stand too, and name the main person if the gap's pronoun is theirs.
    assert!(about(
        "In 1953 they published the model.",
        Some("Watson and Crick saw a report that contained her measurements.")
    ));
    assert!(about(
        "In 1953 Wilkins showed her photograph to Watson.",
        Some("Wilkins worked at King's College London.")
    ));
    assert!(!about(
        "In 1953 Wilkins showed her photograph to Watson.",
        Some("Franklin worked with Wilkins at King's College London.")
    ));
    // Without a main person (or its sex), only `points_back` decides.
    let d = draft(
        &year,
        "In 1953 Watson and Crick saw a report that contained her measurements.",
        "1953",
        Lang::En,
    );
    assert!(!struck(&d, "reference-unresolved"));
}

#[test]
fn a_sentence_with_its_subject_left_out_is_struck_in_a_life_and_elsewhere() {
    let year = Kind::Year { era: None };
    let mut d = draft(
        &year,
        "En 1813 dirigió la campaña del oeste contra los realistas.",
        "1813",
        Lang::Es,
    );
    // No main person: whose the verb is, nothing says (round 8's grader: "null subject, add
    // it" in a history of the Catholic Monarchs).
    assert!(struck(&d, "reference-unresolved"));
    // In a life, it is the main person's, whom the stem does not name (`refer` names them
    // where it can; here it could not).
    d.main = Some("Bolívar");
    assert!(struck(&d, "reference-unresolved"));
    let d = Draft {
        before: "En 1813, Bolívar dirigió la campaña del oeste en ",
        answer: "1813",
        after: ".",
        ..d
    };
    assert!(!struck(&d, "reference-unresolved"));
}

#[test]
fn a_definitions_own_pronoun_points_nowhere_else() {
    let d = Draft {
        lang: Lang::En,
        kind: &Kind::Term,
        before: "the squeezing of sediment layers by the weight of material above them",
        answer: "Compaction",
        after: "",
        context: None,
        title: None,
        main: None,
        sex: None,
        forms: &[],
        example: false,
    };
    assert!(!struck(&d, "reference-unresolved"));
    let d = Draft {
        before: "this difference in pull between the two sides of the Earth",
        ..d
    };
    assert!(struck(&d, "reference-unresolved"));
}

#[test]
fn a_join_to_another_kind_is_no_list_and_a_named_battle_no_reference() {
    let d = draft(
        value(200.0),
        "A camel can carry a load of about 200 kilograms and walk far in a day.",
        "200 kilograms",
        Lang::En,
    );
    assert!(!struck(&d, "one-of-a-list"));
    let year = Kind::Year { era: None };
    let d = draft(
        &year,
        "Harald Hardrada was killed at the Battle of Stamford Bridge in 1066.",
        "1066",
        Lang::En,
    );
    assert!(!struck(&d, "reference-unresolved"));
    let d = draft(
        &year,
        "The war finally ended in 1453 with a treaty.",
        "1453",
        Lang::En,
    );
    assert!(struck(&d, "reference-unresolved"));
}

#[test]
fn a_term_never_named_in_the_stem_points_back() {
    assert!(points_back(
        "The term was first used in 1968 by William Gaud.",
        Lang::En
    ));
    assert!(points_back(
        "Le terme apparaît en 1968 dans un discours.",
        Lang::Fr
    ));
    assert!(points_back(
        "El término se usó por primera vez en 1968.",
        Lang::Es
    ));
    assert!(points_back("Der Begriff wurde 1968 geprägt.", Lang::De));
}

#[test]
fn an_object_it_or_a_there_needs_a_thing_or_a_place_named_before() {
    // "it" never stands for a person: the person named before it is not what it points to.
    assert!(points_back(
        "Between 1950 and 1953 Franklin and her students measured it with X-rays.",
        Lang::En
    ));
    assert!(points_back(
        "Austen called it a tale of two villages, but it was a history.",
        Lang::En
    ));
    assert!(!points_back(
        "The Treaty of Paris was signed in 1783, and Congress ratified it in 1784.",
        Lang::En
    ));
    assert!(!points_back(
        "In 1869 Mendeleev published the Periodic Table and revised it in 1871.",
        Lang::En
    ));
    assert!(!points_back(
        "The Calvin cycle is named after Melvin Calvin, who described it in 1950.",
        Lang::En
    ));
    // "there" after the first word stands for a place named before, or for nothing shown.
    assert!(points_back(
        "In 1922 workers clearing sand there found the steps of a tomb.",
        Lang::En
    ));
    assert!(!points_back(
        "In 1922 Carter went to Egypt and found the steps of a tomb there.",
        Lang::En
    ));
    assert!(!points_back(
        "By 1850 in most towns there were railway stations.",
        Lang::En
    ));
    assert!(points_back(
        "Im Jahr 1974 fanden Bauern dort die ersten Figuren.",
        Lang::De
    ));
}

#[test]
fn a_german_noun_is_no_one_a_sie_could_be() {
    // Every German noun has a capital: "Vorlesungen" names no one.
    assert!(points_back(
        "Besonders prägten sie die Vorlesungen von Ludwig Boltzmann.",
        Lang::De
    ));
    assert!(points_back(
        "Nach der Machtübernahme entzog man ihr 1933 die Lehrbefugnis.",
        Lang::De
    ));
    // A person named before: hers.
    assert!(!points_back(
        "1907 ging Lise Meitner nach Berlin, wo sie bei Max Planck hörte.",
        Lang::De
    ));
    assert!(!points_back(
        "Im Juli 1505 geriet Johann in ein Gewitter, und er betete.",
        Lang::De
    ));
}

#[test]
fn a_spanish_object_pronoun_points_back() {
    // "le" is someone the stem does not name.
    assert!(points_back(
        "En 1945 la Academia Sueca le concedió el Premio Nobel de Literatura.",
        Lang::Es
    ));
    assert!(!points_back(
        "En 1945 la Academia Sueca concedió a Gabriela Mistral el Premio Nobel.",
        Lang::Es
    ));
}

#[test]
fn a_spanish_sentence_with_its_subject_left_out_is_struck_in_any_text() {
    let year = Kind::Year { era: None };
    for (s, y) in [
        (
            "Para imponer el orden en los caminos, crearon en 1476 la Santa Hermandad.",
            "1476",
        ),
        (
            "Buscaron la unidad religiosa: en 1478 obtuvieron del papa la autorización.",
            "1478",
        ),
        (
            "Publicó en 1936 un libro en el que cuenta aquella lucha.",
            "1936",
        ),
    ] {
        let d = draft(&year, s, y, Lang::Es);
        assert!(struck(&d, "reference-unresolved"), "{s}");
    }
    // A subject of its own: asked.
    let d = draft(
        &year,
        "Los Reyes Católicos crearon en 1476 la Santa Hermandad, una policía rural.",
        "1476",
        Lang::Es,
    );
    assert!(!struck(&d, "reference-unresolved"));
}

#[test]
fn a_lead_that_names_nothing_gives_a_pronoun_nothing_to_point_to() {
    let year = Kind::Year { era: None };
    let mut d = draft(
        &year,
        "En 1910, ses admirateurs organisent une fête en son honneur à Sérignan.",
        "1910",
        Lang::Fr,
    );
    d.main = Some("Fabre");
    d.context = Some("La reconnaissance vient tard.");
    assert!(struck(&d, "reference-unresolved"));
    d.context = Some("Fabre publie ses Souvenirs entomologiques.");
    assert!(!struck(&d, "reference-unresolved"));
}

#[test]
fn a_thing_named_by_a_common_noun_in_the_lead_is_what_it_points_to() {
    let mut d = draft(
        &Kind::Term,
        "It is lost as water vapour from the leaves in a process called transpiration.",
        "transpiration",
        Lang::En,
    );
    d.context = Some("Most of the water taken up by a plant is not used in photosynthesis.");
    assert!(!struck(&d, "reference-unresolved"));
}

#[test]
fn a_parent_named_in_a_phrase_of_kinship_is_not_whom_the_pronoun_means() {
    assert!(points_back(
        "Fils de Louis VII, il devient roi en 1180 à quinze ans.",
        Lang::Fr
    ));
    assert!(points_back(
        "Son of a weaver from Leeds, he left school at twelve.",
        Lang::En
    ));
    assert!(!points_back(
        "Philippe, fils de Louis VII, devient roi en 1180.",
        Lang::Fr
    ));
}

#[test]
fn a_clause_that_leans_back_after_the_gaps_is_cut() {
    let cut = |before: &str, after: &str, lang| cut_leaning_tail(before, after, None, lang);
    assert_eq!(
        cut(
            "Greece covers about ",
            ", and around four-fifths of this area is mountainous.",
            Lang::En
        )
        .as_deref(),
        Some(".")
    );
    assert_eq!(
        cut(
            "In ",
            " the Vienna post was not renewed, and he soon returned to Hungary.",
            Lang::En
        )
        .as_deref(),
        Some(" the Vienna post was not renewed.")
    );
    // Nothing leans: nothing cut.
    assert_eq!(
        cut(
            "Greece covers about ",
            ", and Athens is its capital.",
            Lang::En
        ),
        None
    );
    // A definite noun may lean on the sentence before ("the lake"), a gap in a relative
    // clause leaves no main clause, and a list after a colon is one thing.
    assert_eq!(
        cut(
            "The lake's area grows from about ",
            " in the dry season, and it becomes a breeding ground.",
            Lang::En
        ),
        None
    );
    assert_eq!(
        cut(
            "Wars with Ayutthaya, which attacked Angkor around ",
            ", and the failure of the water system are both thought to have played a part.",
            Lang::En
        ),
        None
    );
    // In a life, what is left names the person.
    assert_eq!(
        cut_leaning_tail(
            "At 45, a stroke left the scientist partly paralysed in ",
            ", and he could no longer work alone.",
            Some("Pasteur"),
            Lang::En
        ),
        None
    );
    assert_eq!(
        cut_leaning_tail(
            "In ",
            " Pasteur's post was not renewed, and this decision ended his career there.",
            Some("Pasteur"),
            Lang::En
        )
        .as_deref(),
        Some(" Pasteur's post was not renewed.")
    );
    // Outside English, a pronoun left in the rest does not say whose it is.
    assert_eq!(
        cut(
            "En ",
            ", un pêcheur retrouve une gourmette portant son nom ; des débris de son avion sont retrouvés.",
            Lang::Fr
        ),
        None
    );
}

#[test]
fn a_preposition_opening_a_sentence_names_no_one_a_pronoun_could_be() {
    assert!(points_back(
        "Seit _ gehört es zusammen mit dem Bergwerk Rammelsberg zum UNESCO-Welterbe.",
        Lang::De
    ));
    assert!(points_back(
        "Since _ it has been a World Heritage Site.",
        Lang::En
    ));
    assert!(!points_back(
        "Seit _ gehört Goslar zum Welterbe, und es zieht viele Besucher an.",
        Lang::De
    ));
}

#[test]
fn a_leaning_tail_is_cut_at_its_own_join_not_inside_a_list() {
    assert_eq!(
        cut_leaning_tail(
            "Greece covers about ",
            " of mountains, islands, and plains in the south, and around four-fifths of this area is mountainous.",
            None,
            Lang::En
        )
        .as_deref(),
        Some(" of mountains, islands, and plains in the south.")
    );
}

#[test]
fn an_object_pronoun_before_the_verb_of_the_first_clause_points_back() {
    assert!(points_back(
        "Ecuador lo incorporó a su territorio en 1832.",
        Lang::Es
    ));
    assert!(points_back(
        "La UNESCO lo declaró Reserva de la Biosfera en 1980.",
        Lang::Es
    ));
    // Named in the sentence before it: after "y", a comma or a relative word.
    assert!(!points_back(
        "Felipe II compró el palacio en 1560 y lo reformó.",
        Lang::Es
    ));
    // "el castillo" alone is a reference noun of its own (`references`).
    assert!(points_back(
        "Felipe II compró el castillo en 1560 y lo reformó.",
        Lang::Es
    ));
    assert!(!points_back(
        "El parque, que lo rodeaba, se creó en 1969.",
        Lang::Es
    ));
    // An article before a noun is no pronoun: "la era Meiji" (a copula's form), "en la
    // alcazaba" (after a preposition).
    assert!(!points_back("Colón llegó a la isla en 1492.", Lang::Es));
    assert!(!points_back(
        "En 1868 comenzó la era Meiji en Japón.",
        Lang::Es
    ));
    assert!(!points_back(
        "Boabdil vivió en la alcazaba hasta 1492.",
        Lang::Es
    ));
}

#[test]
fn another_dated_clause_after_a_years_gap_is_cut() {
    let cut = |before: &str, after: &str| cut_dated_tail(before, after, Lang::En);
    assert_eq!(
        cut(
            "In ",
            " Darwin began a notebook, and in 1838 he read Malthus's essay."
        )
        .as_deref(),
        Some(" Darwin began a notebook.")
    );
    // No other date, or one before the first join: nothing to cut.
    assert_eq!(
        cut("In ", " Darwin began a notebook, and he read Malthus."),
        None
    );
    assert_eq!(
        cut(
            "In ",
            " and 1838 Darwin filled notebooks, and he read Malthus."
        ),
        None
    );
    // A list is not a clause of its own.
    assert_eq!(cut("In ", " and 1840: floods, and droughts in 1841."), None);
    assert_eq!(
        cut(
            "In ",
            " Liszt toured Paris, London, and in 1842 Berlin, Vienna and Moscow."
        ),
        None
    );
    // A year before the join too: the cut would leave one beside the key all the same.
    assert_eq!(
        cut(
            "In ",
            " Darwin wrote, in 1839, a journal, and in 1842 he moved to Kent."
        ),
        None
    );
    let es = cut_dated_tail(
        "Tras la batalla de Toro, en ",
        ", Isabel consolidó su poder, y en 1479 el Tratado de Alcáçovas puso fin al conflicto.",
        Lang::Es,
    );
    assert_eq!(es.as_deref(), Some(", Isabel consolidó su poder."));
}

#[test]
fn an_english_sentences_first_noun_before_of_names_nothing_a_pronoun_could_be() {
    // "Part" opens the sentence with a capital, but is no name: "it" points back.
    assert!(points_back(
        "Part of it, the Hortobágy, became a national park in 1973.",
        Lang::En
    ));
    assert!(points_back(
        "Most of them settled in Texas by 1850.",
        Lang::En
    ));
    // Before a verb, the first word is the pronoun's subject ("Tourism has grown, but it …").
    assert!(!points_back(
        "Tourism has grown, although it was hit by the tsunami of 2004.",
        Lang::En
    ));
    // A place or a given name opening the sentence names what "it" or "she" may be.
    assert!(!points_back(
        "Hungary joined the European Union in 2004, but it kept the forint.",
        Lang::En
    ));
    assert!(!points_back(
        "Rachel was born in 1907, and she grew up on a farm.",
        Lang::En
    ));
}
