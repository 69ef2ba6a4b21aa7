use super::*;

fn texts(doc: &Doc) -> Vec<&str> {
    doc.sentences.iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn pdf_artefacts_are_repaired_or_left_out() {
    let src = "Chapter 4 · Steam\n\nThe first engines pumped water from the mines of Corn-\nwall. Later the king- doms of Europe built rail-\nways.\n\n12\n\nChapter 4 · Steam\n\nSteam power changed how people worked and lived.\n";
    let doc = read(src, Lang::En);
    assert_eq!(
        texts(&doc),
        [
            "The first engines pumped water from the mines of Cornwall.",
            "Later the kingdoms of Europe built railways.",
            "Steam power changed how people worked and lived."
        ]
    );
}

#[test]
fn exercises_tables_lists_and_headings_are_not_prose() {
    let src = "# Cells\n\nA cell is the smallest unit of life.\n\n| Part | Job |\n|---|---|\n| Wall | Support |\n\n- Plants have walls.\n\n## Review questions\n\nName the parts of a cell and say what each one does.\n\n## Glossary\n\n**Nucleus**: the part of the cell that holds its DNA\n";
    let doc = read(src, Lang::En);
    assert_eq!(doc.title.as_deref(), Some("Cells"));
    assert_eq!(texts(&doc), ["A cell is the smallest unit of life."]);
    assert_eq!(doc.glossary.len(), 1);
    assert_eq!(doc.glossary[0].term, "Nucleus");
}

#[test]
fn a_sentence_that_starts_with_a_number_is_cut_from_the_one_before() {
    let s = sentences(
        "Die Stadt wurde 1143 gegründet und später neu angelegt. 1226 erhielt sie die Reichsfreiheit vom Kaiser. Am 9. November fiel die Mauer in der Nacht. Im 17. Jahrhundert verlor der Bund an Macht. Das schrieb Dr. 12 Seiten lang.",
        Lang::De,
    );
    assert_eq!(
        s,
        [
            "Die Stadt wurde 1143 gegründet und später neu angelegt.",
            "1226 erhielt sie die Reichsfreiheit vom Kaiser.",
            "Am 9. November fiel die Mauer in der Nacht.",
            "Im 17. Jahrhundert verlor der Bund an Macht.",
            "Das schrieb Dr. 12 Seiten lang."
        ]
    );
    let s = sentences(
        "The bridge opened to traffic in May. 1905 was a year of floods in the valley. The letter was signed by John F. 1906 Kennedy.",
        Lang::En,
    );
    assert_eq!(s[0], "The bridge opened to traffic in May.");
    assert_eq!(s[1], "1905 was a year of floods in the valley.");
    assert_eq!(s.len(), 3, "{s:?}");
    let s = sentences(
        "La ville fut fondée au bord du fleuve. 1789 marque le début de la Révolution.",
        Lang::Fr,
    );
    assert_eq!(s.len(), 2, "{s:?}");
}

#[test]
fn a_closing_quote_left_at_the_start_goes_back() {
    let s = sentences(
        "Il signe son ordre du jour : « Courage ! On les aura ! » Le 7 juin, la garnison du fort doit se rendre.",
        Lang::Fr,
    );
    assert!(!s.iter().any(|x| x.starts_with('»')), "{s:?}");
    assert_eq!(
        s.last().map(String::as_str),
        Some("Le 7 juin, la garnison du fort doit se rendre.")
    );
}

#[test]
fn sentences_do_not_break_at_abbreviations_initials_or_dates() {
    let s = sentences(
        "Susan B. Anthony met Dr. Lee in St. Louis in 1872. It rained.",
        Lang::En,
    );
    assert_eq!(s, ["Susan B. Anthony met Dr. Lee in St. Louis in 1872."]);
    // Two initials: the second is no article ("A."), the name goes on.
    let s = sentences(
        "It was described in 1965 by E. A. Johnson, an engineer in Malvern. It spread.",
        Lang::En,
    );
    assert_eq!(
        s,
        ["It was described in 1965 by E. A. Johnson, an engineer in Malvern."]
    );
    let s = sentences(
        "Le traité déshérite le dauphin au profit d'Henri V. Le dauphin ne contrôle plus le nord.",
        Lang::Fr,
    );
    assert_eq!(s.len(), 2, "{s:?}");
    // A unit's symbol after a number ends a sentence as any word does.
    let s = sentences(
        "So a current of 2 A flowing for 30 seconds transfers a charge of 60 C. By convention, \
         current flows from the positive terminal. The resistance is 6 ÷ 0.5 = 12 Ω. Such \
         components are called ohmic conductors.",
        Lang::En,
    );
    assert_eq!(s.len(), 3, "{s:?}");
    let de = sentences(
        "Zum 100. Jahrestag der Schlacht wurde 1913 das Völkerschlachtdenkmal eingeweiht. Es ist 91 Meter hoch.",
        Lang::De,
    );
    assert_eq!(de.len(), 2, "{de:?}");
    let fr = sentences(
        "Le titre, « J'accuse… ! », choisi par Georges Clemenceau, barre toute la une du journal. Le procès suit.",
        Lang::Fr,
    );
    assert!(
        fr[0].starts_with("Le titre") && fr[0].contains("choisi par Georges"),
        "{fr:?}"
    );
    let de = sentences(
        "1630 landete der schwedische König Gustav II. Adolf mit seinem Heer in Pommern. Er siegte bald bei Breitenfeld.",
        Lang::De,
    );
    assert_eq!(de.len(), 2, "{de:?}");
    let de = sentences(
        "Arminius wurde um das Jahr 21 n. Chr. von Verwandten ermordet. Rom vergaß den Verlust seiner drei Legionen nie.",
        Lang::De,
    );
    assert_eq!(de.len(), 2, "{de:?}");
    // An era's abbreviation ends its sentence before a small word with a capital (round 28:
    // "… destruido Cartago en el _____ Lo primero …"), not before a name.
    let es = sentences(
        "Escipión había destruido Cartago en el 146 a. C. Lo primero que hizo fue restablecer la disciplina.",
        Lang::Es,
    );
    assert_eq!(es.len(), 2, "{es:?}");
    let es = sentences(
        "En el 133 a. C. Escipión tomó la ciudad tras un largo asedio. Numancia fue destruida por completo.",
        Lang::Es,
    );
    assert_eq!(es.len(), 2, "{es:?}");
    assert!(es[0].ends_with("asedio."), "{es:?}");
    // French "av. J.-C." too; not "p. ej." before a title, which is no era (review).
    let fr = sentences(
        "Rome fonde la ville de Lyon en 43 av. J.-C. La ville devient la capitale des Gaules.",
        Lang::Fr,
    );
    assert_eq!(fr.len(), 2, "{fr:?}");
    let es = sentences(
        "Escribió varias obras en prosa, p. ej. La Celestina, que se publicó en 1499 en Burgos.",
        Lang::Es,
    );
    assert_eq!(es.len(), 1, "{es:?}");
    let de = sentences(
        "Am 9. November 1989 öffnete die DDR ihre Grenzen zum Westen. Viele feierten.",
        Lang::De,
    );
    assert_eq!(
        de,
        ["Am 9. November 1989 öffnete die DDR ihre Grenzen zum Westen."]
    );
    let de = sentences(
        "Im 17. Jahrhundert pflanzte van Helmont eine Weide.",
        Lang::De,
    );
    assert_eq!(de, ["Im 17. Jahrhundert pflanzte van Helmont eine Weide."]);
}

#[test]
fn a_heading_right_above_its_paragraph_is_no_part_of_it() {
    let doc = read(
        "# Darwin\n\nThe voyage of the Beagle\nIn 1831 Darwin sailed on HMS Beagle.\n",
        Lang::En,
    );
    assert_eq!(texts(&doc), ["In 1831 Darwin sailed on HMS Beagle."]);
}

#[test]
fn a_pdfs_headings_are_no_part_of_the_prose_around_them() {
    let page = "Unit 5: Rivers                                   Geography\n";
    let text = format!(
        "{page}The Water Cycle\nIn 1900 the first gauges were set up along\nthe river.\nMeasuring the flow\nA gauge records the height of the water.\n{page}12\n{page}Later gauges sent their readings by radio.\n"
    );
    let doc = read(&text, Lang::En);
    assert_eq!(
        texts(&doc),
        [
            "In 1900 the first gauges were set up along the river.",
            "A gauge records the height of the water.",
            "Later gauges sent their readings by radio.",
        ]
    );
}

#[test]
fn a_hyphenated_pair_is_kept() {
    assert_eq!(
        join_lines("pre- and post-war Europe", &HashSet::new(), Lang::En),
        "pre- and post-war Europe"
    );
}

#[test]
fn numbered_steps_and_a_storys_people_are_read_as_sentences() {
    let steps = "# Boiling\n\nThe kettle works in three steps:\n\n\
        1. The switch closes the circuit of the heating element.\n\
        2. The element warms the water at the bottom of the kettle.\n\
        3. A bimetal strip bends and opens the switch at 100 °C.\n\nThe water is then ready.\n";
    let doc = read(steps, Lang::En);
    assert_eq!(doc.lists.len(), 1);
    assert_eq!(
        doc.lists[0].lead.as_deref(),
        Some("The kettle works in three steps:")
    );
    let got = texts(&doc);
    assert!(got.contains(&"A bimetal strip bends and opens the switch at 100 °C."));
    // The steps are a paragraph of their own, apart from the prose around them.
    let para = |t: &str| {
        doc.sentences
            .iter()
            .find(|s| s.text == t)
            .unwrap()
            .paragraph
    };
    assert_ne!(
        para("The switch closes the circuit of the heating element."),
        para("The water is then ready.")
    );
    let people = "Characters\n\n- Harold, a shy boy of ten, finds a map in the attic.\n\
        - Maria, his older cousin, reads the map aloud to the others.\n\
        - Bones, the family dog, follows them everywhere.\n";
    let doc = read(people, Lang::En);
    assert!(texts(&doc).contains(&"Harold, a shy boy of ten, finds a map in the attic."));
}

#[test]
fn instructions_advice_and_fragments_stay_out_of_the_prose() {
    for list in [
        "1. Add a drop of iodine to the slide of onion cells.\n2. Observe the slide with the low power lens.\n",
        "- Never leave a candle burning in an empty room.\n- Keep matches out of the reach of children.\n",
        "- rivers that flood every spring in the valley;\n- lakes that freeze over in winter.\n",
        "- Glass bottles are melted down and made into new jars.\n- Paper is pulped and pressed into new sheets.\n",
    ] {
        let doc = read(&format!("Some things:\n\n{list}"), Lang::En);
        assert!(doc.sentences.is_empty(), "{list}");
        assert_eq!(doc.lists.len(), 1);
    }
}

#[test]
fn a_long_first_line_standing_alone_is_the_title() {
    // Round 24: the title with its subtitle after a comma was read as a sentence, and the
    // first heading ("Une jeunesse picarde") as the title.
    let t = "Antoine Parmentier (1737-1813), le pharmacien de la pomme de terre\n\n\
        Une jeunesse picarde\n\nParmentier naît en 1737 à Montdidier.\n";
    let doc = read(t, Lang::Fr);
    assert_eq!(
        doc.title.as_deref(),
        Some("Antoine Parmentier (1737-1813), le pharmacien de la pomme de terre")
    );
    assert_eq!(doc.sentences.len(), 1);
    // A first line that is a sentence stays one, wrapped (review: "Diese⏎Mauer trennte …") or
    // not; so does a byline.
    let doc = read(
        "Parmentier naît en 1737 à Montdidier.\n\nIl meurt en 1813.\n",
        Lang::Fr,
    );
    assert_eq!(doc.sentences.len(), 2);
    let t = "Im Jahr 1961 ließ die DDR eine Mauer bauen. Diese\nMauer trennte die Stadt.\n";
    assert_eq!(read(t, Lang::De).sentences.len(), 2);
    let t = "By Sarah Jones, science correspondent, with reporting from Geneva\n\nCERN is a lab.\n";
    assert_eq!(read(t, Lang::En).title, None);
}

#[test]
fn a_title_and_its_subtitle_on_one_line_are_the_title_not_a_glossary_line() {
    let doc = read(
        "Chien-Shiung Wu: The First Lady of Physics\n\nEarly life\n\nWu was born in 1912.\n",
        Lang::En,
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("Chien-Shiung Wu: The First Lady of Physics")
    );
    assert!(doc.glossary.is_empty());
    // A glossary line's meaning is no title's, though German capitalises its nouns.
    let doc = read(
        "Parts\n\nCondenser: a coil inside the building\nEvaporator: a coil outside it\n",
        Lang::En,
    );
    assert_eq!(doc.glossary.len(), 2);
    let doc = read(
        "Glossar\n\n**Mitochondrien**: Kraftwerke der Zelle\n\n**Zellkern**: Steuerzentrale der Zelle\n",
        Lang::De,
    );
    assert_eq!(doc.glossary.len(), 2, "{:?}", doc.headings);
}

#[test]
fn a_short_line_in_lower_case_is_no_heading() {
    let doc = read(
        "A worked example\n\nA car of mass 1200 kg drives round a bend at 15 m/s.\n\n\
         and the centripetal force is\n\nF = 1200 × 4.5 = 5400 N.\n\nThis force comes from friction on the road.\n",
        Lang::En,
    );
    assert_eq!(doc.headings, ["A worked example"]);
}

#[test]
fn a_star_of_emphasis_goes_and_a_star_between_figures_stays() {
    let doc = read(
        "Wind turbines\n\nPower production starts at the *cut-in speed*, about 3 m/s. \
         A sum such as 2 * 3 is written with a star between spaces.\n",
        Lang::En,
    );
    assert_eq!(
        texts(&doc),
        [
            "Power production starts at the cut-in speed, about 3 m/s.",
            "A sum such as 2 * 3 is written with a star between spaces."
        ]
    );
}

#[test]
fn a_german_rulers_number_after_his_name_ends_no_sentence() {
    let doc = read(
        "Der Streit\n\nAls Heinrich IV. 1075 einen Erzbischof für Mailand ernannte, eskalierte der Konflikt. \
         Im Jahr 1073 wurde Gregor VII. Papst.\n",
        Lang::De,
    );
    assert_eq!(
        texts(&doc),
        [
            "Als Heinrich IV. 1075 einen Erzbischof für Mailand ernannte, eskalierte der Konflikt.",
            "Im Jahr 1073 wurde Gregor VII. Papst."
        ]
    );
}

#[test]
fn a_range_broken_after_its_dash_is_joined() {
    let doc = read(
        "The railway\n\nDuring the Russo-Japanese War of 1904–\n1905 engineers even laid rails across the frozen lake.\n",
        Lang::En,
    );
    assert_eq!(
        texts(&doc),
        [
            "During the Russo-Japanese War of 1904–1905 engineers even laid rails across the frozen lake."
        ]
    );
}

#[test]
fn a_titles_chapter_number_is_not_its_name() {
    assert_eq!(
        unnumbered("Chapter 7: The Crimean War, 1853–1856", Lang::En),
        "The Crimean War, 1853–1856"
    );
    assert_eq!(
        unnumbered("Unit 3 – Photosynthesis", Lang::En),
        "Photosynthesis"
    );
    assert_eq!(unnumbered("2. Les volcans", Lang::Fr), "Les volcans");
    assert_eq!(
        unnumbered("Kapitel IV: Die Reformation", Lang::De),
        "Die Reformation"
    );
    // A name with a number, or a title with nothing after its colon, stays whole.
    assert_eq!(unnumbered("Apollo 11", Lang::En), "Apollo 11");
    assert_eq!(
        unnumbered("Henry VIII: a life", Lang::En),
        "Henry VIII: a life"
    );
    assert_eq!(unnumbered("Chapter 7:", Lang::En), "Chapter 7:");
    assert_eq!(
        unnumbered("C. S. Lewis: A Life", Lang::En),
        "C. S. Lewis: A Life"
    );
    assert_eq!(unnumbered("9. November 1989", Lang::De), "9. November 1989");
    let doc = read(
        "Chapter 7: The Crimean War\n\nThe Crimean War began in 1853.",
        Lang::En,
    );
    assert_eq!(doc.title.as_deref(), Some("The Crimean War"));
}

#[test]
fn a_parts_number_before_a_colon_is_a_heading_not_a_term() {
    let doc = read(
        "Things Fall Apart\n\nPart Two: exile in Mbanta\n\nOkonkwo flees with his family to \
         his mother's village.\n\n- Obierika: Okonkwo's closest friend.",
        Lang::En,
    );
    let terms: Vec<&str> = doc.glossary.iter().map(|g| g.term.as_str()).collect();
    assert_eq!(terms, ["Obierika"]);
    assert!(
        doc.headings.iter().any(|h| h.starts_with("Part Two")),
        "{:?}",
        doc.headings
    );
}

#[test]
fn a_pdf_hyphen_at_a_line_break_stays_where_it_is_the_words_own() {
    let text = |t: &str| {
        read(t, Lang::En)
            .sentences
            .iter()
            .map(|s| s.text.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Round 26: "firstyear" and "multiyear" ice.
    let t = "Sea ice\n\nMulti-year ice is thick. It is harder than first-\nyear ice and than \
        most multi-\nyear floes.\n";
    assert!(
        text(t).contains("harder than first-year ice"),
        "{}",
        text(t)
    );
    assert!(text(t).contains("most multi-year floes"), "{}", text(t));
    // A word the text writes whole, or any other: joined (review: "clock-⏎wise").
    let t = "Bogs\n\nPeatlands store carbon. Drained peat-\nlands release it. Goods are \
        manu-\nfactured; the wheel turns clock-\nwise in a breath-\ntaking way.\n";
    assert!(text(t).contains("Drained peatlands"), "{}", text(t));
    assert!(text(t).contains("manufactured"), "{}", text(t));
    assert!(
        text(t).contains("turns clockwise in a breathtaking"),
        "{}",
        text(t)
    );
    // A number's or an ordinal's compound, written nowhere else: kept.
    let t = "Votes\n\nAbout two-\nthirds of the members voted.\n";
    assert!(text(t).contains("About two-thirds"), "{}", text(t));
}
