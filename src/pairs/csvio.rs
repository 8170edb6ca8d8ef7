//! Labels a CSV of statement pairs: reads the `s1` and `s2` columns, keeps every column in order,
//! and appends `predicted` and `why`.

use std::io::{Read, Write};

use super::{PairRules, compare};

/// Why a CSV of pairs could not be labelled.
#[derive(Debug, thiserror::Error)]
pub enum PairsError {
    /// The CSV could not be read or written.
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The header lacks a required column.
    #[error("the header has no '{0}' column (expected columns s1,s2)")]
    MissingColumn(&'static str),
    /// A row has no value for a required column.
    #[error("line {line}: no value for column '{column}'")]
    MissingField {
        /// 1-based line of the row.
        line: u64,
        /// The column.
        column: &'static str,
    },
    /// The output could not be flushed.
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
}

/// Labels every row of a CSV with columns `s1,s2`, writing it back with `predicted` and `why`
/// added; returns the number of rows.
pub fn label_csv<R: Read, W: Write>(
    input: R,
    output: W,
    rules: &PairRules,
) -> Result<usize, PairsError> {
    let mut rd = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let mut wr = csv::Writer::from_writer(output);
    let header = rd.headers()?.clone();
    let col = |name: &'static str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or(PairsError::MissingColumn(name))
    };
    let (i1, i2) = (col("s1")?, col("s2")?);
    let mut out_header = header.clone();
    out_header.push_field("predicted");
    out_header.push_field("why");
    wr.write_record(&out_header)?;
    let mut rows = 0;
    for rec in rd.records() {
        let rec = rec?;
        let line = rec.position().map_or(0, |p| p.line());
        let field = |i: usize, column: &'static str| {
            rec.get(i)
                .filter(|v| !v.trim().is_empty())
                .ok_or(PairsError::MissingField { line, column })
        };
        let verdict = compare(field(i1, "s1")?, field(i2, "s2")?, rules);
        let mut out = rec.clone();
        out.push_field(verdict.label.as_str());
        out.push_field(&verdict.why);
        wr.write_record(&out)?;
        rows += 1;
    }
    wr.flush()?;
    Ok(rows)
}
