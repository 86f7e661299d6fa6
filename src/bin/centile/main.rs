//! `centile`: growth centiles and SDS from the command line, offline. `calculate` scores a whole CSV file; the
//! other commands answer one question each and print JSON (indented when stdout is a terminal).

mod calculate;
mod columns;

use calculate::{Extras, Format, Scorer};
use centile::dgc::api;
use centile::dgc::error::{Loc, ValidationError};
use centile::dgc::fhir;
use centile::dgc::fields::Fields;
use centile::dgc::measurement_request::{GESTATION_DAYS, GESTATION_WEEKS};
use centile::dgc::shape::Shape;
use centile::dgc::value::Value;
use centile::engine::ages::{self, Gestation};
use centile::engine::centiles::centile;
use centile::engine::nutrition::indicator::IOTF;
use clap::{Args, Parser, Subcommand};
use serde::Serialize;
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "centile",
    version,
    about = "Children's growth centiles and SDS (UK-WHO, WHO, CDC, Turner, trisomy 21), offline",
    long_about = "Children's growth centiles and SDS (UK-WHO, WHO, CDC, Turner syndrome, trisomy 21 UK and US), \
                  with the numbers of rcpchgrowth 4.6.5 and the JSON of the RCPCH Digital Growth Charts API. \
                  Nothing leaves this machine.",
    after_help = "Examples:\n  centile calculate cohort.csv -o scored.csv\n  \
                  centile sds --method height --sex female --age 7.5 124.3\n  \
                  centile measurement --method weight --sex male --age 1 --centile 91\n  \
                  centile age 2023-01-31 2024-06-01 --gestation-weeks 32\n  \
                  centile mid-parental-height --maternal 163 --paternal 178 --sex female\n  \
                  centile chart --reference who --sex male --method height > chart.json\n  \
                  centile fictional-child --method height --sex male --end-age 4 --interval-number 6\n  \
                  centile fhir patient.ndjson > centiles.ndjson"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Calculate(CalculateArgs),
    Sds(SdsArgs),
    Measurement(MeasurementArgs),
    Age(AgeArgs),
    MidParentalHeight(MidParentalArgs),
    Chart(ChartArgs),
    FictionalChild(FictionalArgs),
    Fhir(FhirArgs),
}

/// Score a CSV file of measurements: one output row per input row, in order.
///
/// The header names the API's request fields: birth_date, observation_date, observation_value, sex,
/// measurement_method, and optionally gestation_weeks, gestation_days (default 40+0) and reference (overrides
/// --reference for that row). Every input column is written unchanged, followed by chronological_decimal_age,
/// corrected_decimal_age, chronological_sds, chronological_centile, corrected_sds, corrected_centile,
/// chronological_centile_band, corrected_centile_band, corrected_percentage_median_bmi and error. A row that
/// cannot be scored keeps its data and says why in `error` (the API's 422 message). The exit status is non-zero
/// only when the input cannot be used at all (unreadable, or a required column missing).
#[derive(Args)]
#[command(
    after_help = "Examples:\n  centile calculate cohort.csv -o scored.csv\n  \
                        centile calculate --reference cdc < visits.csv > scored.csv\n  \
                        centile calculate --column birth_date=dob --column observation_value=height_cm \\\n      \
                        --date-format %d/%m/%Y ncmp.csv -o ncmp-scored.csv\n  \
                        centile calculate --format jsonl cohort.csv | jq .measurement_calculated_values"
)]
struct CalculateArgs {
    /// The CSV file to read (default: standard input).
    input: Option<PathBuf>,
    /// Where to write (default: standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The reference for rows without a `reference` cell.
    #[arg(long, default_value = "uk-who", value_name = "REF")]
    reference: String,
    /// csv: the input columns plus scores; jsonl: one full dGC measurement object (or 422 body) per line.
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
    /// Read a request field from a differently named column, e.g. birth_date=dob (repeatable).
    #[arg(long = "column", value_name = "FIELD=COLUMN", value_parser = rename)]
    columns: Vec<(String, String)>,
    /// The dates' format, in strftime notation (default: YYYY-MM-DD), e.g. %d/%m/%Y.
    #[arg(long, value_name = "FORMAT")]
    date_format: Option<String>,
    /// Also write, before `error`, what the measurements beyond the dGC API add: length_height_read,
    /// acute_malnutrition (WHO/UNICEF grade) and its source, iotf_adult_equivalent_bmi and iotf_category.
    #[arg(long)]
    beyond_dgc: bool,
    /// Also write, before `error`, the implausible-value flags: WHO Anthro's on the z-score (who_flag_z, who_flag)
    /// and the CDC SAS program's on the modified z-score (cdc_flag_modified_z, cdc_flag); low, high or empty.
    #[arg(long)]
    implausible_value_flags: bool,
}

fn rename(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((field, column)) if !field.is_empty() && !column.is_empty() => {
            Ok((field.trim().to_owned(), column.trim().to_owned()))
        }
        _ => Err("expected FIELD=COLUMN, e.g. birth_date=dob".into()),
    }
}

/// The reference, sex and measurement shared by the single-value commands.
#[derive(Args)]
struct Subject {
    /// uk-who, who, cdc, turners-syndrome, trisomy-21 or trisomy-21-aap.
    #[arg(long, default_value = "uk-who", value_name = "REF")]
    reference: String,
    /// male or female.
    #[arg(long)]
    sex: String,
    /// height, weight, ofc or bmi.
    #[arg(long, value_name = "METHOD")]
    method: String,
}

impl Subject {
    /// The measurement method and sex as request members.
    fn members(&self) -> [(&'static str, Option<Value>); 2] {
        [
            ("measurement_method", text(&self.method)),
            ("sex", text(&self.sex)),
        ]
    }
}

/// The SDS and centile of one measurement, at a decimal age or between two dates.
///
/// With --age (decimal years; negative before term) the value is scored at that age. With --birth-date and
/// --observation-date (and the gestation) it is scored as the API's calculation scores it, at the chronological
/// and corrected ages, and the same columns as `calculate` are printed.
#[derive(Args)]
#[command(
    after_help = "Examples:\n  centile sds --method height --sex female --age 7.5 124.3\n  \
                        centile sds --reference cdc --method bmi --sex male --age 10 30\n  \
                        centile sds --method weight --sex female --birth-date 2024-01-10 \
                        --observation-date 2024-05-02 --gestation-weeks 31 --gestation-days 2 4.1"
)]
struct SdsArgs {
    #[command(flatten)]
    subject: Subject,
    /// Age in decimal years.
    #[arg(
        long,
        allow_hyphen_values = true,
        required_unless_present = "birth_date",
        conflicts_with = "birth_date"
    )]
    age: Option<String>,
    /// Date of birth, YYYY-MM-DD.
    #[arg(long, requires = "observation_date")]
    birth_date: Option<String>,
    /// Date of the measurement, YYYY-MM-DD.
    #[arg(long, requires = "birth_date")]
    observation_date: Option<String>,
    #[command(flatten)]
    gestation: GestationArgs,
    /// The measurement: cm (height, ofc), kg (weight) or kg/m² (bmi).
    value: String,
}

#[derive(Args)]
struct GestationArgs {
    /// Completed weeks of gestation at birth, 22–44 (default 40).
    #[arg(long, value_name = "WEEKS")]
    gestation_weeks: Option<String>,
    /// Further days of gestation, 0–6 (default 0).
    #[arg(long, value_name = "DAYS")]
    gestation_days: Option<String>,
}

/// The measurement at an SDS or a centile, at a decimal age (rounded to 4 decimal places as rcpchgrowth does).
#[derive(Args)]
#[command(
    after_help = "Examples:\n  centile measurement --method weight --sex male --age 1 --centile 91\n  \
                        centile measurement --reference who --method height --sex female --age 4 --sds -2"
)]
struct MeasurementArgs {
    #[command(flatten)]
    subject: Subject,
    /// Age in decimal years.
    #[arg(long, allow_hyphen_values = true)]
    age: String,
    /// The SDS.
    #[arg(
        long,
        allow_hyphen_values = true,
        required_unless_present = "centile",
        conflicts_with = "centile"
    )]
    sds: Option<String>,
    /// The centile, strictly between 0 and 100.
    #[arg(long)]
    centile: Option<String>,
}

/// Chronological and corrected age between a birth and an observation date.
///
/// The corrected age allows for gestation at birth for life (UK-WHO's rule; `calculate` applies each
/// reference's own rule).
#[derive(Args)]
#[command(after_help = "Examples:\n  centile age 2023-01-31 2024-06-01\n  \
                        centile age 2023-01-31 2024-06-01 --gestation-weeks 32 --gestation-days 4")]
struct AgeArgs {
    /// Date of birth, YYYY-MM-DD.
    birth_date: String,
    /// Date of the observation, YYYY-MM-DD.
    observation_date: String,
    #[command(flatten)]
    gestation: GestationArgs,
}

/// Mid-parental height: its value, SDS and centile, the range 1.4 SDS either side and their chart lines.
#[derive(Args)]
#[command(
    after_help = "Examples:\n  centile mid-parental-height --maternal 163 --paternal 178 --sex female\n  \
                        centile mid-parental-height --maternal 158 --paternal 171 --sex male --reference who"
)]
struct MidParentalArgs {
    /// The mother's height, cm.
    #[arg(long)]
    maternal: String,
    /// The father's height, cm.
    #[arg(long)]
    paternal: String,
    /// The child's sex: male or female.
    #[arg(long)]
    sex: String,
    /// uk-who, cdc or who.
    #[arg(long, default_value = "uk-who", value_name = "REF")]
    reference: String,
}

/// The centile lines of a chart as JSON, exactly as the API's chart-coordinates endpoint returns them.
#[derive(Args)]
#[command(
    after_help = "Examples:\n  centile chart --sex male --method height > uk-who-boys-height.json\n  \
                        centile chart --reference cdc --sex female --method bmi --centiles 5,85,95,99\n  \
                        centile chart --reference who --sex male --method weight --sds=-2,0,2"
)]
struct ChartArgs {
    #[command(flatten)]
    subject: Subject,
    /// cole-nine-centiles, three-percent-centiles, five-percent-centiles, eighty-five-percent-centiles or
    /// extended-who-centiles.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["centiles", "sds"])]
    format: Option<String>,
    /// Draw these centiles (1–15 values, comma-separated).
    #[arg(long, value_delimiter = ',', num_args = 1.., conflicts_with = "sds")]
    centiles: Vec<f64>,
    /// Draw these SDS lines (1–15 values, comma-separated).
    #[arg(long, value_delimiter = ',', num_args = 1.., allow_hyphen_values = true)]
    sds: Vec<f64>,
}

/// A fictional child's measurement objects (JSON), following an SDS with optional drift and seeded noise.
#[derive(Args)]
#[command(
    after_help = "Examples:\n  centile fictional-child --method height --sex male --end-age 4 --interval-number 6\n  \
                        centile fictional-child --reference who --method weight --sex female --start-sds=-1.5 \
                        --noise --seed 7"
)]
struct FictionalArgs {
    #[command(flatten)]
    subject: Subject,
    /// First age, decimal years (default 0).
    #[arg(long, value_name = "YEARS")]
    start_age: Option<String>,
    /// Last age, decimal years (default 20).
    #[arg(long, value_name = "YEARS")]
    end_age: Option<String>,
    #[command(flatten)]
    gestation: GestationArgs,
    /// days, weeks, months or years (default months).
    #[arg(long, value_name = "UNIT")]
    interval_type: Option<String>,
    /// Interval between measurements, in --interval-type units (default 20).
    #[arg(long, value_name = "N")]
    interval_number: Option<String>,
    /// The SDS the child starts on (default 0).
    #[arg(long, allow_hyphen_values = true, value_name = "SDS")]
    start_sds: Option<String>,
    /// Drift away from the starting SDS.
    #[arg(long)]
    drift: bool,
    /// Total drift in SDS over the series (default -0.05).
    #[arg(long, allow_hyphen_values = true, value_name = "SDS")]
    drift_range: Option<String>,
    /// Add noise to each measurement.
    #[arg(long)]
    noise: bool,
    /// Noise as a proportion of the value (default 0.005).
    #[arg(long, value_name = "FRACTION")]
    noise_range: Option<String>,
    /// Seed of the noise (default 1): the same seed gives the same series.
    #[arg(long)]
    seed: Option<String>,
}

/// Score one patient's FHIR R4 resources (NDJSON, one resource per line) and print FHIR Observations.
///
/// The input holds one Patient (birthDate, gender) and its Observations: heights, lengths, weights, head
/// circumferences and BMIs by LOINC code, in UCUM units, and the gestational age at birth (76516-4). Each
/// result is a FHIR R4 Observation: the centile (LOINC 8303-0, 8336-0, 8289-1 or 59576-9), the SDS as a
/// component, derivedFrom its source. Resources not used, and measurements that could not be scored, are listed
/// on standard error with the reason. --format json prints the whole answer instead (the bulk results per
/// measurement, the Observations and the resources not used).
#[derive(Args)]
#[command(
    after_help = "Examples:\n  centile fhir child.ndjson > centiles.ndjson\n  \
                        centile fhir --reference cdc Patient.ndjson Observation.ndjson\n  \
                        centile fhir --format json < child.ndjson | jq .ignored"
)]
struct FhirArgs {
    /// NDJSON files, read in order (default: standard input).
    inputs: Vec<PathBuf>,
    /// uk-who, who, cdc, turners-syndrome, trisomy-21 or trisomy-21-aap.
    #[arg(long, default_value = "uk-who", value_name = "REF")]
    reference: String,
    /// ndjson: one result Observation per line; json: the whole answer.
    #[arg(long, value_enum, default_value = "ndjson")]
    format: FhirFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FhirFormat {
    Ndjson,
    Json,
}

/// Why a command could not answer: its input is unusable (bad arguments are said in the API's 422 wording).
struct Failure(String);

impl From<ValidationError> for Failure {
    fn from(e: ValidationError) -> Failure {
        Failure(e.to_string())
    }
}

/// A request body from (field, value) pairs; absent values are left out, as the API treats them.
fn body<'a>(members: impl IntoIterator<Item = (&'a str, Option<Value>)>) -> Value {
    Value::Object(
        members
            .into_iter()
            .filter_map(|(k, v)| Some((k.to_owned(), v?)))
            .collect(),
    )
}

fn text(s: &str) -> Option<Value> {
    Some(Value::String(s.to_owned()))
}

fn optional(s: &Option<String>) -> Option<Value> {
    s.as_deref().and_then(text)
}

/// Prints a command's answer as JSON (indented on a terminal).
fn print_json(value: impl Serialize) -> Result<(), Failure> {
    let json = if io::stdout().is_terminal() {
        serde_json::to_string_pretty(&value)
    } else {
        serde_json::to_string(&value)
    };
    let json = json.map_err(|e| Failure(e.to_string()))?;
    println!("{json}");
    Ok(())
}

/// The failure to open an input file.
fn cannot_open(path: &Path, e: io::Error) -> Failure {
    Failure(format!("cannot open {}: {e}", path.display()))
}

fn calculate_csv(args: CalculateArgs) -> Result<(), Failure> {
    if args.reference != IOTF {
        api::reference(&args.reference)?;
    }
    let open = |path: &PathBuf| File::open(path).map_err(|e| cannot_open(path, e));
    let size = match &args.input {
        Some(path) => open(path)?.metadata().ok().map(|m| m.len()),
        None => None,
    };
    let input: Box<dyn io::Read + Send> = match &args.input {
        Some(path) => Box::new(open(path)?),
        None => Box::new(io::stdin()),
    };
    let output: Box<dyn io::Write + Send> = match &args.output {
        Some(path) => Box::new(
            File::create(path)
                .map_err(|e| Failure(format!("cannot create {}: {e}", path.display())))?,
        ),
        None => Box::new(io::stdout()),
    };
    let (columns, date_format, format) = (args.columns, args.date_format, args.format);
    let extras = Extras {
        beyond: args.beyond_dgc,
        flags: args.implausible_value_flags,
    };
    calculate::run(input, output, size, |header| {
        Scorer::new(
            header,
            &columns,
            &args.reference,
            date_format,
            format,
            extras,
        )
    })
    .map(drop)
    .map_err(Failure)
}

fn gestation_fields(g: &GestationArgs) -> [(&'static str, Option<Value>); 2] {
    [
        ("gestation_weeks", optional(&g.gestation_weeks)),
        ("gestation_days", optional(&g.gestation_days)),
    ]
}

fn sds(args: SdsArgs) -> Result<serde_json::Value, Failure> {
    let subject = &args.subject;
    if let Some(age) = &args.age {
        let z = api::sds_for_measurement(&body(
            [
                ("reference", text(&subject.reference)),
                ("age", text(age)),
                ("observation_value", text(&args.value)),
            ]
            .into_iter()
            .chain(subject.members()),
        ))?;
        return Ok(serde_json::json!({ "sds": z, "centile": centile(z) }));
    }
    let request = body(
        [
            ("birth_date", optional(&args.birth_date)),
            ("observation_date", optional(&args.observation_date)),
            ("observation_value", text(&args.value)),
        ]
        .into_iter()
        .chain(subject.members())
        .chain(gestation_fields(&args.gestation)),
    );
    let m = api::calculation(&subject.reference, &request)?;
    columns::OUTPUT_COLUMNS
        .iter()
        .zip(calculate::cells(&m.object.into()))
        .map(|(name, cell)| serde_json::to_value(cell).map(|v| ((*name).to_owned(), v)))
        .collect::<Result<_, _>>()
        .map_err(|e| Failure(e.to_string()))
}

fn measurement(args: MeasurementArgs) -> Result<serde_json::Value, Failure> {
    let z = match (&args.sds, &args.centile) {
        (Some(z), _) => Value::String(z.clone()),
        (None, Some(c)) => Value::Number(api::sds_for_centile_value(&Value::String(c.clone()))?),
        (None, None) => unreachable!("clap requires --sds or --centile"),
    };
    let request = body(
        [
            ("reference", text(&args.subject.reference)),
            ("age", text(&args.age)),
            ("sds", Some(z.clone())),
        ]
        .into_iter()
        .chain(args.subject.members()),
    );
    let value = api::measurement_from_sds(&request)?;
    Ok(serde_json::json!({ "observation_value": value, "sds": z }))
}

#[derive(Serialize)]
struct Age {
    chronological_decimal_age: f64,
    corrected_decimal_age: f64,
    chronological_calendar_age: Option<String>,
    corrected_calendar_age: Option<String>,
    estimated_date_delivery: Option<String>,
    corrected_gestational_age: Option<String>,
}

fn age(args: AgeArgs) -> Result<Age, Failure> {
    let request = body(
        [
            ("birth_date", text(&args.birth_date)),
            ("observation_date", text(&args.observation_date)),
        ]
        .into_iter()
        .chain(gestation_fields(&args.gestation)),
    );
    let mut fields = Fields::new(&request, &Shape::Any, vec![Loc::Key("body".into())]);
    let birth = fields.date("birth_date");
    let observation = fields.date("observation_date");
    let weeks = fields.int_in("gestation_weeks", GESTATION_WEEKS);
    let days = fields.int_in("gestation_days", GESTATION_DAYS);
    if let (Some(b), Some(o)) = (birth, observation) {
        if b > o {
            let msg = centile::engine::measurement::MeasurementError::BeforeBirth.to_string();
            fields.fail("birth_date", "value_error", msg);
        }
    }
    fields.finish()?;
    let (Some(birth), Some(observation), Some(weeks), Some(days)) =
        (birth, observation, weeks, days)
    else {
        unreachable!("Fields::finish reported every missing value");
    };
    let gestation = Gestation { weeks, days };
    let edd = ages::estimated_date_delivery(birth, gestation);
    Ok(Age {
        chronological_decimal_age: ages::decimal_years(ages::chronological_days(
            birth,
            observation,
        )),
        corrected_decimal_age: ages::decimal_years(ages::corrected_days(
            birth,
            observation,
            gestation,
        )),
        chronological_calendar_age: ages::calendar_age(birth, observation),
        corrected_calendar_age: edd.and_then(|edd| ages::calendar_age(edd, observation)),
        estimated_date_delivery: edd.map(|d| d.to_string()),
        corrected_gestational_age: ages::corrected_gestational_age(birth, observation, gestation)
            .map(|(w, d)| ages::gestational_age_text(w, d)),
    })
}

fn mid_parental_height(args: MidParentalArgs) -> Result<impl Serialize, Failure> {
    Ok(api::mid_parental_height(&body([
        ("height_maternal", text(&args.maternal)),
        ("height_paternal", text(&args.paternal)),
        ("sex", text(&args.sex)),
        ("reference", text(&args.reference)),
    ]))?)
}

fn chart(args: ChartArgs) -> Result<impl Serialize, Failure> {
    let numbers = |xs: &[f64]| {
        Some(Value::Array(
            xs.iter().copied().map(Value::Number).collect(),
        ))
    };
    let (format, is_sds) = match (&args.format, args.centiles.is_empty(), args.sds.is_empty()) {
        (_, false, _) => (numbers(&args.centiles), false),
        (_, _, false) => (numbers(&args.sds), true),
        (format, ..) => (optional(format), false),
    };
    let request = body(
        [
            ("centile_format", format),
            ("is_sds", Some(Value::Bool(is_sds))),
        ]
        .into_iter()
        .chain(args.subject.members()),
    );
    Ok(api::chart_coordinates(&args.subject.reference, &request)?)
}

fn fictional_child(args: FictionalArgs) -> Result<impl Serialize, Failure> {
    let request = body(
        [
            ("start_chronological_age", optional(&args.start_age)),
            ("end_age", optional(&args.end_age)),
            ("measurement_interval_type", optional(&args.interval_type)),
            (
                "measurement_interval_number",
                optional(&args.interval_number),
            ),
            ("start_sds", optional(&args.start_sds)),
            ("drift", Some(Value::Bool(args.drift))),
            ("drift_range", optional(&args.drift_range)),
            ("noise", Some(Value::Bool(args.noise))),
            ("noise_range", optional(&args.noise_range)),
            ("seed", optional(&args.seed)),
        ]
        .into_iter()
        .chain(args.subject.members())
        .chain(gestation_fields(&args.gestation)),
    );
    Ok(api::fictional_child_data(
        &args.subject.reference,
        &request,
    )?)
}

/// Appends the resources of one NDJSON stream (blank lines skipped) to `resources`.
fn ndjson(name: &str, reader: impl io::BufRead, resources: &mut Vec<Value>) -> Result<(), Failure> {
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Failure(format!("{name}: {e}")))?;
        if !line.trim().is_empty() {
            let resource = serde_json::from_str(&line).map_err(|e| {
                Failure(format!("{name}, line {}: not a JSON resource ({e})", i + 1))
            })?;
            resources.push(resource);
        }
    }
    Ok(())
}

fn fhir(args: FhirArgs) -> Result<(), Failure> {
    let mut resources = Vec::new();
    if args.inputs.is_empty() {
        ndjson("standard input", io::stdin().lock(), &mut resources)?;
    }
    for path in &args.inputs {
        let file = File::open(path).map_err(|e| cannot_open(path, e))?;
        ndjson(
            &path.display().to_string(),
            io::BufReader::new(file),
            &mut resources,
        )?;
    }
    let answer = fhir::fhir_calculation(&args.reference, &Value::Array(resources))?;
    if let FhirFormat::Json = args.format {
        return print_json(answer);
    }
    for i in &answer.ignored {
        eprintln!("centile: not used: {}: {}", i.resource, i.why);
    }
    for method in &answer.results {
        for (result, source) in method.results.iter().zip(&method.sources) {
            if let api::BulkResult::Error(e) = result {
                let source = source.as_deref().unwrap_or("an Observation without id");
                eprintln!("centile: not scored: {source}: {}", e.msg);
            }
        }
    }
    let mut out = io::stdout().lock();
    for o in &answer.observations {
        serde_json::to_writer(&mut out, o).map_err(|e| Failure(e.to_string()))?;
        writeln!(out).map_err(|e| Failure(e.to_string()))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::Calculate(args) => calculate_csv(args),
        Command::Sds(args) => sds(args).and_then(print_json),
        Command::Measurement(args) => measurement(args).and_then(print_json),
        Command::Age(args) => age(args).and_then(print_json),
        Command::MidParentalHeight(args) => mid_parental_height(args).and_then(print_json),
        Command::Chart(args) => chart(args).and_then(print_json),
        Command::FictionalChild(args) => fictional_child(args).and_then(print_json),
        Command::Fhir(args) => fhir(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg)) => {
            eprintln!("centile: {msg}");
            ExitCode::FAILURE
        }
    }
}
