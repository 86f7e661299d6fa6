//! `centile calculate`: scores a CSV of measurements. The input is streamed in chunks; each chunk is scored on
//! every core and written in input order, so memory stays flat whatever the file's size.

use centile::dgc::api;
use centile::dgc::error::{Loc, ValidationError};
use centile::dgc::measurement_response::MeasurementResponse;
use centile::dgc::value::Value;
use centile::engine::ages::{Date, Gestation};
use centile::engine::centiles::{CentileBand, CentileFormat};
use centile::engine::measurement::{band_format, calculate, scores, Birth, Observation, Scores};
use centile::engine::nutrition::flags;
use centile::engine::nutrition::indicator::{self, Beyond};
use centile::engine::rounding::integer;
use centile::{Method, Reference, Sex};
use csv::ByteRecord;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use std::io::{self, IsTerminal, Read, Write};
use std::sync::mpsc::sync_channel;
use std::sync::OnceLock;

/// The request fields read from each row, named as in the API (`reference` overrides `--reference`; `length` and
/// `height`, beyond the dGC API, are what weight_for_length and weight_for_height take).
pub const INPUT_FIELDS: [&str; 10] = [
    "birth_date",
    "observation_date",
    "observation_value",
    "sex",
    "measurement_method",
    "gestation_weeks",
    "gestation_days",
    "reference",
    "length",
    "height",
];
const REQUIRED: usize = 5;
const BIRTH_DATE: usize = 0;
const OBSERVATION_DATE: usize = 1;
const VALUE: usize = 2;
const SEX: usize = 3;
const METHOD: usize = 4;
const WEEKS: usize = 5;
const DAYS: usize = 6;
const REFERENCE: usize = 7;

use crate::columns::{BEYOND_COLUMNS, FLAG_COLUMNS, OUTPUT_COLUMNS};

/// The columns written beyond [`OUTPUT_COLUMNS`] (each set before `error`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Extras {
    /// [`BEYOND_COLUMNS`] (`--beyond-dgc`).
    pub beyond: bool,
    /// [`FLAG_COLUMNS`] (`--implausible-value-flags`).
    pub flags: bool,
}

impl Extras {
    /// The columns appended to the input's, in order.
    pub fn columns(self) -> Vec<&'static str> {
        let (scores, error) = OUTPUT_COLUMNS.split_at(OUTPUT_COLUMNS.len() - 1);
        let mut columns = scores.to_vec();
        if self.beyond {
            columns.extend(BEYOND_COLUMNS);
        }
        if self.flags {
            columns.extend(FLAG_COLUMNS);
        }
        columns.extend(error);
        columns
    }
}

/// Rows scored as one parallel task, and tasks read ahead of the one being written (together they bound memory).
const CHUNK: usize = 2_048;
const AHEAD: usize = 8;

/// What `calculate` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The input columns, then the scores and `error`.
    Csv,
    /// One dGC measurement object (or 422 body) per line.
    Jsonl,
}

/// One score of a row (a column of [`OUTPUT_COLUMNS`] but `error`); `None` is an empty cell or `null`.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Cell {
    /// A decimal age: a whole number of days over 365.25.
    Age(f64),
    /// A number.
    Number(Option<f64>),
    /// A centile band, written as its sentence.
    Band(Option<CentileBand>),
}

/// Decimal ages from this many days before birth (the earliest corrected age) are kept as text by [`Texts`] ...
const AGE_DAYS_BEFORE_BIRTH: i32 = 200;
/// ... to this many days after it (20 years and some, the oldest any reference scores).
const AGE_DAYS_AFTER_BIRTH: i32 = 7_400;

/// Texts of cells that recur across rows, each made on first use: centile band sentences as CSV fields (by the
/// band's code) and decimal ages (by their number of days).
struct Texts {
    bands: Box<[OnceLock<Box<[u8]>>]>,
    ages: Box<[OnceLock<Box<[u8]>>]>,
}

impl Texts {
    fn new() -> Texts {
        let cells = |n| (0..n).map(|_| OnceLock::new()).collect();
        Texts {
            bands: cells(CentileBand::CODES as usize),
            ages: cells((AGE_DAYS_BEFORE_BIRTH + AGE_DAYS_AFTER_BIRTH) as usize),
        }
    }

    /// The cached text of the decimal age `age`, if it is a whole number of days in the cached range.
    fn age(&self, age: f64) -> Option<&[u8]> {
        let days: i32 = integer((age * 365.25).round())?;
        if f64::from(days) / 365.25 != age {
            return None;
        }
        let cell = self
            .ages
            .get(usize::try_from(days + AGE_DAYS_BEFORE_BIRTH).ok()?)?;
        Some(cell.get_or_init(|| ryu::Buffer::new().format(age).as_bytes().into()))
    }
}

impl Cell {
    /// Appends the cell as a CSV field: a number in its shortest round-trip form (the text of an equal number
    /// earlier in the row, `numbers`, is copied; ages and band sentences come from `texts`).
    fn write(
        &self,
        out: &mut Vec<u8>,
        numbers: &mut Vec<(u64, std::ops::Range<usize>)>,
        texts: &Texts,
        format: CentileFormat,
    ) {
        match *self {
            Cell::Age(x) => match texts.age(x) {
                Some(text) => out.extend_from_slice(text),
                None => Cell::Number(Some(x)).write(out, numbers, texts, format),
            },
            Cell::Number(Some(x)) => {
                let bits = x.to_bits();
                match numbers.iter().find(|(b, _)| *b == bits) {
                    Some((_, range)) => out.extend_from_within(range.clone()),
                    None => {
                        let start = out.len();
                        out.extend_from_slice(ryu::Buffer::new().format(x).as_bytes());
                        numbers.push((bits, start..out.len()));
                    }
                }
            }
            Cell::Band(Some(band)) => {
                let text = || {
                    let mut field = Vec::new();
                    push_field(&mut field, band.to_string().as_bytes());
                    field.into_boxed_slice()
                };
                match texts.bands.get(band.code(format) as usize) {
                    Some(cached) => out.extend_from_slice(cached.get_or_init(text)),
                    None => out.extend_from_slice(&text()),
                }
            }
            Cell::Number(None) | Cell::Band(None) => {}
        }
    }
}

/// Whether a CSV field of these bytes must be quoted: they hold a comma, quote or line break.
fn needs_quotes(bytes: &[u8]) -> bool {
    // Without an early exit the scan is vectorised.
    bytes
        .iter()
        .fold(false, |q, &b| q | matches!(b, b',' | b'"' | b'\r' | b'\n'))
}

/// Appends `field` to a CSV record, quoted if it holds a comma, quote or line break (as the csv crate's writer
/// does; written here because this is the hot loop of `calculate`, where it is several times faster).
fn push_field(out: &mut Vec<u8>, field: &[u8]) {
    if needs_quotes(field) {
        out.push(b'"');
        for &b in field {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(field);
    }
}

/// Appends a CSV record of `fields`.
fn push_record<'a>(out: &mut Vec<u8>, fields: impl IntoIterator<Item = &'a [u8]>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_field(out, field);
    }
    out.push(b'\n');
}

/// The scores of a measurement, in [`OUTPUT_COLUMNS`] order.
pub fn cells(m: &Scores) -> [Cell; 9] {
    [
        Cell::Age(m.chronological_decimal_age),
        Cell::Age(m.corrected_decimal_age),
        Cell::Number(m.chronological.sds),
        Cell::Number(m.chronological.centile),
        Cell::Number(m.corrected.sds),
        Cell::Number(m.corrected.centile),
        Cell::Band(m.chronological.band),
        Cell::Band(m.corrected.band),
        Cell::Number(m.corrected.percentage_median_bmi),
    ]
}

/// A row's scores, the centile lines its bands are named against, and what it adds beyond the dGC API.
type Scored = (Scores, CentileFormat, Option<Box<Beyond>>);

/// Appends the [`BEYOND_COLUMNS`] cells of `beyond` (empty ones for a dGC result).
fn write_beyond(
    out: &mut Vec<u8>,
    numbers: &mut Vec<(u64, std::ops::Range<usize>)>,
    texts: &Texts,
    format: CentileFormat,
    beyond: Option<&Beyond>,
) {
    let number = |out: &mut Vec<u8>, numbers: &mut Vec<_>, x: Option<f64>| {
        out.push(b',');
        Cell::Number(x).write(out, numbers, texts, format);
    };
    let text = |out: &mut Vec<u8>, t: Option<&str>| {
        out.push(b',');
        if let Some(t) = t {
            push_field(out, t.as_bytes());
        }
    };
    let malnutrition = beyond.and_then(|b| b.malnutrition);
    let iotf = beyond.and_then(|b| b.iotf);
    number(out, numbers, beyond.and_then(|b| b.length_read));
    text(out, malnutrition.map(|c| c.grade.name()));
    text(out, malnutrition.map(|c| c.source));
    number(out, numbers, iotf.and_then(|s| s.adult_equivalent_bmi));
    text(out, iotf.map(|s| s.category.name()));
}

/// Appends the [`FLAG_COLUMNS`] cells of `beyond`'s flags.
fn write_flags(
    out: &mut Vec<u8>,
    numbers: &mut Vec<(u64, std::ops::Range<usize>)>,
    texts: &Texts,
    format: CentileFormat,
    beyond: Option<&Beyond>,
) {
    let scores = beyond.and_then(|b| b.flags);
    let who = scores.and_then(|f| f.who);
    let cdc = scores.and_then(|f| f.cdc);
    for (score, flag) in [
        (who, who.and_then(|s| flags::who(s.indicator, s.value))),
        (cdc, cdc.and_then(|s| flags::cdc(s.indicator, s.value))),
    ] {
        out.push(b',');
        Cell::Number(score.map(|s| s.value)).write(out, numbers, texts, format);
        out.push(b',');
        if let Some(flag) = flag {
            out.extend_from_slice(flag.name().as_bytes());
        }
    }
}

/// How the input is read and scored.
pub struct Scorer {
    /// Input column index of each of [`INPUT_FIELDS`].
    columns: [Option<usize>; 10],
    fields: usize,
    /// The reference of rows without a `reference` cell: its name, and the dGC reference it is (not `iotf`).
    reference_name: String,
    reference: Option<Reference>,
    date_format: Option<String>,
    format: Format,
    extras: Extras,
    texts: Texts,
}

impl Scorer {
    /// Finds the request fields among the header's columns (`renames` maps a field to another column name).
    ///
    /// # Errors
    /// A message naming every required field that has no column, or an unknown rename.
    pub fn new(
        header: &ByteRecord,
        renames: &[(String, String)],
        reference_name: &str,
        date_format: Option<String>,
        format: Format,
        extras: Extras,
    ) -> Result<Scorer, String> {
        if let Some((field, _)) = renames
            .iter()
            .find(|(f, _)| !INPUT_FIELDS.contains(&f.as_str()))
        {
            return Err(format!(
                "--column {field}=…: {field} is not a request field (use one of {})",
                INPUT_FIELDS.join(", ")
            ));
        }
        let columns = INPUT_FIELDS.map(|field| {
            let name = renames
                .iter()
                .rev()
                .find(|(f, _)| f == field)
                .map_or(field, |(_, column)| column.as_str());
            header
                .iter()
                .position(|h| h.trim_ascii() == name.as_bytes())
        });
        let missing: Vec<String> = (0..REQUIRED)
            .filter(|&i| columns[i].is_none())
            .map(|i| {
                let field = INPUT_FIELDS[i];
                match renames.iter().rev().find(|(f, _)| f == field) {
                    Some((_, column)) => format!("{column} (for {field})"),
                    None => field.to_owned(),
                }
            })
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "the input has no column {}: name the columns as the API's request fields, or map them with \
                 --column FIELD=COLUMN",
                missing.join(", ")
            ));
        }
        Ok(Scorer {
            columns,
            fields: header.len(),
            reference_name: reference_name.to_owned(),
            reference: Reference::parse(reference_name),
            date_format,
            format,
            extras,
            texts: Texts::new(),
        })
    }

    /// The texts of the request fields in `row` without ASCII spaces around them ("" when absent); `None` when
    /// one is not UTF-8.
    fn texts<'r>(&self, row: &'r ByteRecord) -> Option<[&'r str; 10]> {
        let bytes = row.as_slice();
        // One check for the whole row; cell by cell only when some other cell is not UTF-8.
        let all = std::str::from_utf8(bytes).ok();
        let mut texts = [""; 10];
        for (text, column) in texts.iter_mut().zip(self.columns) {
            if let Some(range) = column.and_then(|i| row.range(i)) {
                let cell = match all {
                    Some(all) => all.get(range)?,
                    None => std::str::from_utf8(&bytes[range]).ok()?,
                };
                *text = cell.trim_ascii();
            }
        }
        Some(texts)
    }

    fn date(&self, text: &str) -> Option<Date> {
        match &self.date_format {
            None => Date::parse(text),
            Some(format) => {
                use chrono::Datelike;
                let d = chrono::NaiveDate::parse_from_str(text, format).ok()?;
                Date::from_ymd(d.year(), d.month(), d.day())
            }
        }
    }

    /// The typed request of a well-formed row; `None` sends the row to the general path, which reports why.
    fn typed(&self, row: &ByteRecord) -> Option<(Reference, Birth, Observation)> {
        let texts = self.texts(row)?;
        let text = |field: usize| texts[field];
        let reference = match text(REFERENCE) {
            "" => self.reference?,
            name => Reference::parse(name)?,
        };
        let int = |field, default, range: std::ops::RangeInclusive<i32>| match text(field) {
            "" => Some(default),
            t => t.parse().ok().filter(|n| range.contains(n)),
        };
        let birth = Birth {
            birth_date: self.date(text(BIRTH_DATE))?,
            gestation: Gestation {
                weeks: int(WEEKS, 40, 22..=44)?,
                days: int(DAYS, 0, 0..=6)?,
            },
            sex: Sex::parse(text(SEX))?,
            method: Method::parse(text(METHOD))?,
        };
        let observation = Observation {
            observation_date: self.date(text(OBSERVATION_DATE))?,
            observation_value: text(VALUE)
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite() && *v > 0.0)?,
            bone_age: Default::default(),
        };
        (birth.birth_date <= observation.observation_date).then_some((
            reference,
            birth,
            observation,
        ))
    }

    /// Scores a row as the API scores the request made of its cells (empty cells are absent fields).
    fn general(&self, row: &ByteRecord) -> Result<MeasurementResponse, ValidationError> {
        let text = |field: usize| {
            let cell = self.columns[field].and_then(|i| row.get(i)).unwrap_or(b"");
            String::from_utf8_lossy(cell).trim().to_owned()
        };
        // With --date-format, a date cell that does not match is left out of the request and its "Field
        // required" becomes a date error naming the format.
        let (mut body, mut unmatched) = (Vec::new(), Vec::new());
        for (field, name) in INPUT_FIELDS.iter().enumerate() {
            if field == REFERENCE {
                continue;
            }
            let mut value = text(field);
            if field <= OBSERVATION_DATE && self.date_format.is_some() && !value.is_empty() {
                match self.date(&value) {
                    Some(date) => value = date.to_string(),
                    None => {
                        unmatched.push(*name);
                        continue;
                    }
                }
            }
            if !value.is_empty() {
                body.push(((*name).to_owned(), Value::String(value)));
            }
        }
        let reference = Some(text(REFERENCE))
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| self.reference_name.clone());
        api::calculation_flagged(&reference, &Value::Object(body), self.extras.flags).map_err(
            |mut e| {
                let format = self.date_format.as_deref().unwrap_or_default();
                for d in &mut e.detail {
                    let field = match d.loc.as_slice() {
                        [_, Loc::Key(field)] => field,
                        _ => continue,
                    };
                    if unmatched.contains(&field.as_str()) {
                        d.msg = format!("Input should be a real calendar date written as {format}");
                        d.kind = "date_parsing";
                    }
                }
                e
            },
        )
    }

    /// A 422 for a row whose number of fields differs from the header's.
    fn check_fields(&self, row: &ByteRecord) -> Result<(), ValidationError> {
        if row.len() == self.fields {
            return Ok(());
        }
        let msg = format!(
            "This row has {} fields but the header has {}.",
            row.len(),
            self.fields
        );
        Err(ValidationError::body(msg, "value_error"))
    }

    /// Scores one row: the fast typed path for well-formed rows, the API's own reading for the rest (so a
    /// row's error is the API's 422 message).
    fn score(&self, row: &ByteRecord) -> Result<MeasurementResponse, ValidationError> {
        self.check_fields(row)?;
        match self.typed(row) {
            Some((reference, birth, observation)) => {
                let mut object = calculate(reference, &birth, &observation)?;
                if self.extras.flags {
                    object.beyond = Some(Box::new(api::dgc_flags(&object)));
                }
                Ok(MeasurementResponse {
                    object,
                    events_text: None,
                })
            }
            None => self.general(row),
        }
    }

    /// As [`score`](Self::score), only the scores (and the centile lines their bands are named against) and, for
    /// the extra columns, what the result adds beyond the dGC API.
    fn scores(&self, row: &ByteRecord) -> Result<Scored, ValidationError> {
        self.check_fields(row)?;
        match self.typed(row) {
            Some((reference, birth, observation)) => {
                let s = scores(reference, &birth, &observation)?;
                let beyond = self.extras.flags.then(|| {
                    Box::new(indicator::dgc_flags(
                        reference,
                        birth.method,
                        birth.sex,
                        s.chronological_decimal_age,
                        observation.observation_value,
                        s.chronological.sds,
                    ))
                });
                Ok((s, band_format(reference, birth.method), beyond))
            }
            None => self.general(row).map(|mut m| {
                let format = band_format(m.reference, m.birth.method);
                let beyond = m.object.beyond.take();
                (Scores::from(m.object), format, beyond)
            }),
        }
    }

    /// Scores and renders one slice of rows, appending to `out`.
    fn render(&self, rows: &[ByteRecord], out: &mut Vec<u8>) -> io::Result<()> {
        match self.format {
            Format::Csv => {
                let mut numbers = Vec::with_capacity(OUTPUT_COLUMNS.len());
                for row in rows {
                    let padding = self.fields.saturating_sub(row.len());
                    if padding > 0 || needs_quotes(row.as_slice()) {
                        push_record(
                            out,
                            row.iter().chain(std::iter::repeat_n(&b""[..], padding)),
                        );
                        out.pop();
                    } else {
                        for (i, field) in row.iter().enumerate() {
                            if i > 0 {
                                out.push(b',');
                            }
                            out.extend_from_slice(field);
                        }
                    }
                    match self.scores(row) {
                        Ok((m, format, beyond)) => {
                            numbers.clear();
                            for cell in cells(&m) {
                                out.push(b',');
                                cell.write(out, &mut numbers, &self.texts, format);
                            }
                            let beyond = beyond.as_deref();
                            if self.extras.beyond {
                                write_beyond(out, &mut numbers, &self.texts, format, beyond);
                            }
                            if self.extras.flags {
                                write_flags(out, &mut numbers, &self.texts, format, beyond);
                            }
                            // A flagged observation keeps its scores and says why in `error`.
                            out.push(b',');
                            if let Some(flag) = m.observation_error {
                                push_field(out, flag.to_string().as_bytes());
                            }
                            out.push(b'\n');
                        }
                        Err(e) => {
                            let extra = usize::from(self.extras.beyond) * BEYOND_COLUMNS.len()
                                + usize::from(self.extras.flags) * FLAG_COLUMNS.len();
                            out.resize(out.len() + OUTPUT_COLUMNS.len() - 1 + extra, b',');
                            out.push(b',');
                            push_field(out, e.to_string().as_bytes());
                            out.push(b'\n');
                        }
                    }
                }
            }
            Format::Jsonl => {
                for row in rows {
                    match self.score(row) {
                        Ok(m) => serde_json::to_writer(&mut *out, &m),
                        Err(e) => serde_json::to_writer(&mut *out, &e),
                    }?;
                    out.push(b'\n');
                }
            }
        }
        Ok(())
    }
}

/// Reads CSV from `input`, writes the scored rows to `output`; `size` (the input's length, when known) sizes the
/// progress bar, which is drawn only when stderr is a terminal. Returns the number of rows.
///
/// # Errors
/// An unreadable input or header, missing columns, or a failed write: the input is unusable.
pub fn run(
    input: impl Read + Send,
    output: impl Write + Send,
    size: Option<u64>,
    make_scorer: impl FnOnce(&ByteRecord) -> Result<Scorer, String>,
) -> Result<u64, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let header = reader
        .byte_headers()
        .map_err(|e| format!("cannot read the header row: {e}"))?
        .clone();
    let scorer = make_scorer(&header)?;
    let mut output = output;
    if scorer.format == Format::Csv {
        let mut line = Vec::new();
        push_record(
            &mut line,
            header
                .iter()
                .chain(scorer.extras.columns().iter().map(|c| c.as_bytes())),
        );
        output.write_all(&line).map_err(cannot_write)?;
    }
    let progress = progress_bar(size);
    // Chunks of rows are read on one thread, scored as tasks on every core (several at once) and written in input
    // order on another; their records and output buffers come back to be reused, so nothing is allocated per row.
    let (rows_tx, rows_rx) = sync_channel::<Vec<ByteRecord>>(2);
    let (spare_tx, spare_rx) = sync_channel::<Vec<ByteRecord>>(AHEAD + 4);
    type Rendered = io::Result<Vec<u8>>;
    let (order_tx, order_rx) = sync_channel::<std::sync::mpsc::Receiver<Rendered>>(AHEAD);
    let buffers = std::sync::Mutex::new(Vec::<Vec<u8>>::new());
    let mut rows = 0u64;
    std::thread::scope(|s| {
        let bar = progress.clone();
        let reading = s.spawn(move || -> Result<(), csv::Error> {
            loop {
                let mut chunk = spare_rx.try_recv().unwrap_or_default();
                chunk.resize_with(CHUNK, || ByteRecord::with_capacity(256, 16));
                let mut n = 0;
                while n < CHUNK && reader.read_byte_record(&mut chunk[n])? {
                    n += 1;
                }
                chunk.truncate(n);
                bar.set_position(reader.position().byte());
                let last = n < CHUNK;
                if (!chunk.is_empty() && rows_tx.send(chunk).is_err()) || last {
                    return Ok(());
                }
            }
        });
        let buffers = &buffers;
        let writing = s.spawn(move || -> io::Result<()> {
            for rendered in order_rx {
                // A task that never answers has failed to render: its error is reported below.
                let Ok(out) = rendered.recv() else { break };
                let mut out = out?;
                output.write_all(&out)?;
                out.clear();
                if let Ok(mut spare) = buffers.lock() {
                    spare.push(out);
                }
            }
            output.flush()
        });
        let scorer = &scorer;
        rayon::in_place_scope(|tasks| {
            for chunk in rows_rx {
                rows += chunk.len() as u64;
                let (done_tx, done_rx) = sync_channel(1);
                if order_tx.send(done_rx).is_err() {
                    break;
                }
                let spare_tx = spare_tx.clone();
                tasks.spawn(move |_| {
                    let mut out = buffers
                        .lock()
                        .ok()
                        .and_then(|mut b| b.pop())
                        .unwrap_or_default();
                    let rendered = scorer.render(&chunk, &mut out).map(|()| out);
                    let _ = spare_tx.try_send(chunk);
                    let _ = done_tx.send(rendered);
                });
            }
        });
        drop(order_tx);
        let wrote = writing.join().expect("the writer thread does not panic");
        let read = reading.join().expect("the reader thread does not panic");
        progress.finish_and_clear();
        if let Err(e) = read {
            return Err(format!("cannot read the input: {e}"));
        }
        wrote.map_err(cannot_write)?;
        Ok(rows)
    })
}

fn progress_bar(size: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match size {
        Some(bytes) => ProgressBar::new(bytes).with_style(
            ProgressStyle::with_template("{bar:40} {percent}% {binary_bytes_per_sec} eta {eta}")
                .expect("a valid template"),
        ),
        None => ProgressBar::new_spinner(),
    }
}

/// The message of a failed write of the output.
fn cannot_write(e: io::Error) -> String {
    format!("cannot write the output: {e}")
}
