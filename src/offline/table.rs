//! Questions from a Markdown table: a row's first cell names it ("Mars"), and a cell of
//! another column that no other row shares tells it apart ("Length of year: 687 days"). Asked
//! "According to the table, which planet has “Length of year: 687 days”?", with the other
//! rows' first cells as wrong answers: of the answer's own kind, since the table lists them
//! in one column.
//!
//! A cell is asked only when it is unique in its column (one right answer), short, and holds
//! no word of its row's name (no answer in the stem); a table is asked only when its first
//! cells are unique and there are enough rows for the wrong answers.

use super::lang::Lang;
use super::read::Table;

/// A possible question: a table, a row, and the column whose cell tells the row apart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Cell {
    pub(super) table: usize,
    pub(super) row: usize,
    pub(super) column: usize,
}

/// Longest cell asked, in characters.
const MAX_CELL: usize = 60;

/// Every cell that tells its row apart, in tables with at least `options` rows.
pub(super) fn cells(tables: &[Table], options: usize, lang: Lang) -> Vec<Cell> {
    let mut out = Vec::new();
    let norm = |s: &str| s.trim().to_lowercase();
    for (t, table) in tables.iter().enumerate() {
        let keys: Vec<String> = table.rows.iter().map(|r| norm(&r[0])).collect();
        let unique = |v: &[String], x: &String| v.iter().filter(|y| *y == x).count() == 1;
        // Names in the first column and words in the header: not a table of figures.
        let wordy = |s: &str| s.chars().any(char::is_alphabetic);
        if table.rows.len() < options
            || !table.header.iter().all(|h| wordy(h))
            || compares(table, lang)
            || keys.iter().any(|k| !wordy(k) || !unique(&keys, k))
            || table.rows.iter().any(|r| r[0].chars().count() > MAX_CELL)
        {
            continue;
        }
        for column in 1..table.header.len() {
            let values: Vec<String> = table.rows.iter().map(|r| norm(&r[column])).collect();
            for (row, value) in values.iter().enumerate() {
                let key_words = lang.content_stems(&keys[row]);
                // "—" as a cell says nothing of its row.
                let tells = value.chars().any(char::is_alphanumeric)
                    && value.chars().count() <= MAX_CELL
                    && !table.header[column].trim().is_empty()
                    && unique(&values, value)
                    && !lang
                        .content_stems(value)
                        .iter()
                        .any(|w| key_words.contains(w))
                    && !lang
                        .content_stems(&table.header[column])
                        .iter()
                        .any(|w| key_words.contains(w));
                if tells {
                    out.push(Cell {
                        table: t,
                        row,
                        column,
                    });
                }
            }
        }
    }
    out
}

/// A table comparing its columns row by row ("Feature | Resistive | Capacitive"): each row is
/// a property of its own kind ("Detects: Pressure", "Works with gloves: Yes"), so the kind of
/// a cell gives its row away, and "which feature has “Resistive: Lower”?" tests the layout,
/// not the content (graders struck every one).
fn compares(table: &Table, lang: Lang) -> bool {
    let first = table.header[0].trim().to_lowercase();
    lang.data().words.attribute_headers.contains(&first)
}

/// The question's stem in `template` ("{key}", "{column}", "{value}"), and its answer.
pub(super) fn stem(table: &Table, cell: Cell, template: &str, text: Lang) -> (String, String) {
    let key = &table.header[0];
    // "Planet" → "planet", but a German noun keeps its capital.
    let key = if text == Lang::De {
        key.clone()
    } else {
        lower_first(key)
    };
    let q = template
        .replace("{key}", &key)
        .replace("{column}", table.header[cell.column].trim())
        .replace("{value}", table.rows[cell.row][cell.column].trim());
    (q, table.rows[cell.row][0].trim().to_owned())
}

fn lower_first(s: &str) -> String {
    let mut c = s.trim().chars();
    match c.next() {
        Some(f) if !c.clone().next().is_some_and(char::is_uppercase) => {
            f.to_lowercase().chain(c).collect()
        }
        Some(f) => std::iter::once(f).chain(c).collect(),
        None => String::new(),
    }
}

/// The wrong answers for a row: the other rows' first cells, of the answer's grammatical
/// number where it is told ("Chloroplasts" beside "Cell wall" would tell a plural answer).
pub(super) fn wrong_rows(table: &Table, row: usize, lang: Lang) -> Vec<String> {
    let name = |r: usize| table.rows[r][0].trim().to_owned();
    let number = super::wrong_terms::plural(&name(row), lang);
    (0..table.rows.len())
        .filter(|r| *r != row)
        .map(name)
        .filter(|w| {
            number.is_none_or(|n| super::wrong_terms::plural(w, lang).is_none_or(|m| m == n))
        })
        .collect()
}

/// The row as the text gives it, for the explanation.
pub(super) fn quoted(table: &Table, row: usize) -> String {
    table
        .header
        .iter()
        .zip(&table.rows[row])
        .map(|(h, c)| format!("{}: {}", h.trim(), c.trim()))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offline::read;

    const PLANETS: &str = "# Planets\n\nThe planets differ a great deal in size.\n\n\
        | Planet | Length of year | Known moons |\n|---|---|---|\n\
        | Mercury | 88 days | 0 |\n| Venus | 225 days | 0 |\n| Earth | 365.25 days | 1 |\n\
        | Mars | 687 days | 2 |\n\nA year is one orbit of the Sun.\n";

    #[test]
    fn a_cell_unique_in_its_column_asks_for_its_row() {
        let doc = read::read(PLANETS, Lang::En);
        assert_eq!(doc.tables.len(), 1);
        let cells = cells(&doc.tables, 4, Lang::En);
        // Every year length; the moons only where no other planet has as many.
        let asked: Vec<(usize, usize)> = cells.iter().map(|c| (c.row, c.column)).collect();
        assert_eq!(asked, [(0, 1), (1, 1), (2, 1), (3, 1), (2, 2), (3, 2)]);
        let (q, a) = stem(
            &doc.tables[0],
            cells[3],
            "According to the table, which {key} has “{column}: {value}”?",
            Lang::En,
        );
        assert_eq!(
            q,
            "According to the table, which planet has “Length of year: 687 days”?"
        );
        assert_eq!(a, "Mars");
    }

    #[test]
    fn too_few_rows_or_a_name_in_the_cell_ask_nothing() {
        let doc = read::read(PLANETS, Lang::En);
        assert!(cells(&doc.tables, 5, Lang::En).is_empty());
        let t = "| Rock | Example |\n|---|---|\n| Igneous rock | Granite |\n| Basalt | Basalt lava |\n\
            | Chalk | Soft chalk cliffs |\n| Slate | Roof tiles |\n";
        let doc = read::read(t, Lang::En);
        let rows: Vec<usize> = cells(&doc.tables, 4, Lang::En)
            .iter()
            .map(|c| c.row)
            .collect();
        assert_eq!(rows, [0, 3]);
    }

    #[test]
    fn a_table_comparing_its_columns_asks_nothing() {
        // Each row is a property of its own kind: "Pressure" can only be what it detects.
        let en = "| Feature | Resistive | Capacitive |\n|---|---|---|\n| Detects | Pressure | Charge |\n\
            | Works with gloves | Yes | Rarely |\n| Layers | Two sheets | One glass sheet |\n\
            | Cost | Low | Higher |\n";
        let de = "| Merkmal | Scheibenbremse | Trommelbremse |\n|---|---|---|\n| Kühlung | Gut | Schlecht |\n\
            | Gewicht | Leicht | Schwer |\n| Wartung | Einfach | Aufwendig |\n| Preis | Hoch | Niedrig |\n";
        for (t, lang) in [(en, Lang::En), (de, Lang::De)] {
            let doc = read::read(t, lang);
            assert_eq!(doc.tables.len(), 1);
            assert!(cells(&doc.tables, 4, lang).is_empty(), "{t}");
        }
        // A dash says nothing of its row.
        let t = "| Stage | Temperature |\n|---|---|\n| Pre-rinse | Cold |\n| Main wash | 45–65 °C |\n\
            | Final rinse | 60–70 °C |\n| Drying | — |\n";
        let doc = read::read(t, Lang::En);
        let rows: Vec<usize> = (cells(&doc.tables, 4, Lang::En).iter())
            .map(|c| c.row)
            .collect();
        assert_eq!(rows, [0, 1, 2]);
        // A table whose rows are things of one sort still is.
        let doc = read::read(PLANETS, Lang::En);
        assert!(!cells(&doc.tables, 4, Lang::En).is_empty());
    }

    #[test]
    fn a_row_takes_wrong_rows_of_its_own_number() {
        let t = "| Part | Job |\n|---|---|\n| Cell wall | Support |\n| Chloroplasts | Photosynthesis |\n\
            | Nucleus | Control |\n| Vacuole | Storage |\n| Ribosomes | Making proteins |\n";
        let doc = read::read(t, Lang::En);
        assert_eq!(
            wrong_rows(&doc.tables[0], 0, Lang::En),
            ["Nucleus", "Vacuole"]
        );
        assert_eq!(wrong_rows(&doc.tables[0], 1, Lang::En), ["Ribosomes"]);
    }
}
