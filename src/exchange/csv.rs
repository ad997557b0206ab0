//! CSV as spreadsheets write and read it (RFC 4180): UTF-8 with a byte
//! order mark so that Excel reads names in Indic scripts correctly, CRLF
//! line ends, and cells quoted when they hold a comma, a quote or a line
//! break.
//!
//! A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
//! is written with an apostrophe in front. A spreadsheet would otherwise
//! run it as a formula (`=HYPERLINK(…)` typed as a name is an attack on
//! whoever opens the file); the apostrophe makes it text. Reading takes the
//! apostrophe off again ([`unneutralise`]).

use super::import::MAX_FILE_BYTES;

/// The byte order mark that starts every CSV file written here.
pub const BOM: char = '\u{FEFF}';

/// Builds a CSV document row by row.
pub struct CsvWriter {
    out: String,
}

impl CsvWriter {
    /// A document that starts with the byte order mark and `header`.
    pub fn new(header: &[&str]) -> Self {
        let mut w = CsvWriter {
            out: String::from(BOM),
        };
        w.row(header);
        w
    }

    pub fn row(&mut self, cells: &[&str]) {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            write_cell(&mut self.out, cell);
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// Whether a spreadsheet could take a cell starting with `c` as a formula.
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Writes one cell, made safe against formula injection and quoted if it
/// needs to be.
pub fn write_cell(out: &mut String, cell: &str) {
    let neutralise = cell.chars().next().is_some_and(starts_formula);
    let quote = cell.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if neutralise {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// Takes off the apostrophe [`write_cell`] puts before a formula-like cell.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.chars().next().is_some_and(starts_formula) => rest,
        _ => cell,
    }
}

/// Why a CSV file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// Nothing in it, not even a header.
    Empty,
    /// A quoted cell starting on spreadsheet row `row` never closes: the
    /// file was cut short, or is not CSV.
    UnclosedQuote {
        row: usize,
    },
}

/// Refuses a file over the exchange file's limit from its size alone,
/// before the browser reads it.
pub fn check_size(bytes: u64) -> Result<(), CsvError> {
    if bytes > MAX_FILE_BYTES {
        return Err(CsvError::TooLarge {
            bytes,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// One row of a sheet with its spreadsheet row number (the header is 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

/// A CSV file read: its header and the rows under it (blank rows left out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// Reads CSV text. The separator is a comma, or a semicolon or tab when the
/// header has more of those (spreadsheets in some languages save so).
/// Lenient where RFC 4180 is strict: lone CR or LF line ends, text after a
/// closing quote, and quotes inside an unquoted cell are all taken as
/// they come.
pub fn read(text: &str) -> Result<Sheet, CsvError> {
    check_size(text.len() as u64)?;
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let separator = guess_separator(text);
    let mut records = parse(text, separator)?.into_iter();
    let header = records
        .next()
        .filter(|h| !is_blank(h))
        .ok_or(CsvError::Empty)?;
    let rows = records
        .enumerate()
        .filter(|(_, cells)| !is_blank(cells))
        .map(|(i, cells)| Row {
            number: i + 2,
            cells,
        })
        .collect();
    Ok(Sheet { header, rows })
}

fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

fn guess_separator(text: &str) -> char {
    let first_line = text.split(['\n', '\r']).next().unwrap_or("");
    let count = |sep: char| first_line.matches(sep).count();
    let (commas, semicolons, tabs) = (count(','), count(';'), count('\t'));
    if semicolons > commas && semicolons >= tabs {
        ';'
    } else if tabs > commas {
        '\t'
    } else {
        ','
    }
}

fn parse(text: &str, separator: char) -> Result<Vec<Vec<String>>, CsvError> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut row = 1;
    // Whether anything (even an empty quoted cell) was read on this row.
    let mut started = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if cell.is_empty() => {
                let opened_on = row;
                loop {
                    match chars.next() {
                        None => return Err(CsvError::UnclosedQuote { row: opened_on }),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            cell.push('"');
                        }
                        Some('"') => break,
                        Some(c) => cell.push(c),
                    }
                }
                started = true;
            }
            c if c == separator => {
                record.push(std::mem::take(&mut cell));
                started = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
                started = false;
                row += 1;
            }
            c => {
                cell.push(c);
                started = true;
            }
        }
    }
    if started || !cell.is_empty() {
        record.push(cell);
        records.push(record);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(sheet: &Sheet) -> Vec<Vec<&str>> {
        sheet
            .rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn a_quote_left_open_says_on_which_row() {
        assert_eq!(
            read("Name,Notes\nAsha,fine\nRavi,\"never closed\nMary,ok\n"),
            Err(CsvError::UnclosedQuote { row: 3 })
        );
    }

    #[test]
    fn an_empty_file_or_one_of_blank_lines_has_no_header() {
        assert_eq!(read(""), Err(CsvError::Empty));
        assert_eq!(read("\u{FEFF}\r\n\r\n"), Err(CsvError::Empty));
    }

    #[test]
    fn quotes_commas_and_line_breaks_inside_cells_are_kept() {
        let sheet =
            read("\u{FEFF}Name,Notes\r\n\"Das, Asha\",\"says \"\"hi\"\"\r\ntwice\"\r\n").unwrap();
        assert_eq!(sheet.header, vec!["Name", "Notes"]);
        assert_eq!(
            cells(&sheet),
            vec![vec!["Das, Asha", "says \"hi\"\r\ntwice"]]
        );
    }

    #[test]
    fn rows_are_numbered_as_the_spreadsheet_shows_them() {
        let sheet = read("Name\nAsha\n\n\"Ravi\nKumar\"\nMary").unwrap();
        let numbers: Vec<usize> = sheet.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![2, 4, 5], "the blank row 3 is skipped");
        assert_eq!(cells(&sheet)[1], vec!["Ravi\nKumar"]);
    }

    #[test]
    fn semicolon_and_tab_separated_sheets_are_read() {
        let sheet = read("Name;Village\nAsha;Kallur, East\n").unwrap();
        assert_eq!(cells(&sheet), vec![vec!["Asha", "Kallur, East"]]);
        let sheet = read("Name\tVillage\nAsha\tKallur\n").unwrap();
        assert_eq!(cells(&sheet), vec![vec!["Asha", "Kallur"]]);
    }

    #[test]
    fn an_empty_last_cell_is_kept() {
        let sheet = read("a,b\n1,\n").unwrap();
        assert_eq!(cells(&sheet), vec![vec!["1", ""]]);
    }

    #[test]
    fn formulas_are_written_as_text_and_read_back_as_typed() {
        let mut w = CsvWriter::new(&["Name", "Phone"]);
        w.row(&["=HYPERLINK(\"http://x\",\"y\")", "+91 94470 12345"]);
        w.row(&["@SUM(A1)", "-1"]);
        w.row(&["\tTab", "'quoted"]);
        let text = w.finish();
        assert!(text.starts_with("\u{FEFF}Name,Phone\r\n"));
        let lines: Vec<&str> = text.trim_start_matches(BOM).split("\r\n").collect();
        assert_eq!(
            lines[1],
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+91 94470 12345"
        );
        assert_eq!(lines[2], "'@SUM(A1),'-1");
        assert_eq!(lines[3], "'\tTab,'quoted");
        let sheet = read(&text).unwrap();
        let back: Vec<Vec<&str>> = sheet
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| unneutralise(c)).collect())
            .collect();
        assert_eq!(
            back,
            vec![
                vec!["=HYPERLINK(\"http://x\",\"y\")", "+91 94470 12345"],
                vec!["@SUM(A1)", "-1"],
                vec!["\tTab", "'quoted"],
            ]
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused() {
        assert_eq!(
            check_size(MAX_FILE_BYTES + 1),
            Err(CsvError::TooLarge {
                bytes: MAX_FILE_BYTES + 1,
                limit: MAX_FILE_BYTES
            })
        );
        assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
    }
}
