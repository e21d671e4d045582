//! Structured documents: a staged file's YAML, JSON, TOML or HCL text parsed into the JSON value
//! that conftest-style policies read. Pure: no git2, no regorus, no printing, no file access.
//!
//! The text comes from repositories nobody trusts, so every format is parsed under [`Limits`] and
//! in time linear in its length (inputs up to 16 MiB), and an error never quotes the text. Each
//! parser's own limits are used where they exist and are exact; where they do not, the parser's own
//! scanner runs first and stops the input before the real parse:
//!
//! - YAML: libyaml (under `yaml_serde`) scans a flow collection `[`/`{` in time proportional to the
//!   number of flow collections open around it (its simple-key table), so `{a: {a: …` 100,000 deep
//!   takes minutes; libyaml's own token scanner runs first and stops at `max_depth` open flow
//!   collections (and at more than `max_nodes` scalars, aliases and collections, which bounds the
//!   events `yaml_serde` keeps in memory). Aliases are expanded, each copy counted towards
//!   `max_nodes` as it is built, so "billion laughs" stops at the limit.
//! - TOML: `toml` stops brackets at 80 levels and each dotted key at 80 parts, but a dotted key in
//!   each of 80 nested inline tables nests 6,400 levels, which overflows a 2 MiB stack; the events
//!   of `toml_parser` (the parser under `toml`) are followed first, counting the real depth.
//! - HCL: `hcl-edit` stops nesting at 64 levels, but block labels do not count there and `hcl-rs`
//!   recurses once per label (100,000 labels overflow the stack); both build objects in a vector
//!   map, in time quadratic in an object's entries (64,000 entries: a minute), `hcl-rs` a body's
//!   attributes too; and `hcl-edit` reads the rest of the file again for each heredoc whose first
//!   line is its own delimiter. The body is converted here, not by `hcl-rs`, and a scan of the text
//!   first bounds the sum of the squares of the entry counts of all `{…}`, and those re-reads, by
//!   a multiple of the text's length.
//! - JSON: `serde_json` stops at 128 levels, and the conversion here at `max_depth`.

use serde::de::{self, DeserializeSeed, IgnoredAny, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::mem::MaybeUninit;

/// The formats a file's path selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Yaml,
    Json,
    Toml,
    Hcl,
}

impl Format {
    /// The format the extension of `path`'s file name selects, ASCII case-insensitively: `.yaml`
    /// and `.yml`, `.json` (plain JSON: a `.json` file with comments fails to parse), `.toml`, and
    /// `.tf`, `.hcl` and `.tfvars` (HCL2). Only the part after the last `/` is read; a name whose
    /// only dot is its first character (`.json`) has no extension.
    pub fn of_path(path: &str) -> Option<Format> {
        const EXTENSIONS: [(&str, Format); 7] = [
            ("yaml", Format::Yaml),
            ("yml", Format::Yaml),
            ("json", Format::Json),
            ("toml", Format::Toml),
            ("tf", Format::Hcl),
            ("hcl", Format::Hcl),
            ("tfvars", Format::Hcl),
        ];
        let name = path.rsplit('/').next().unwrap_or(path);
        let (stem, extension) = name.rsplit_once('.')?;
        if stem.is_empty() {
            return None;
        }
        EXTENSIONS
            .iter()
            .find(|(known, _)| extension.eq_ignore_ascii_case(known))
            .map(|&(_, format)| format)
    }

    /// `"yaml"`, `"json"`, `"toml"` or `"hcl"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Yaml => "yaml",
            Format::Json => "json",
            Format::Toml => "toml",
            Format::Hcl => "hcl",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Json => "JSON",
            Format::Toml => "TOML",
            Format::Hcl => "HCL",
        }
    }
}

/// Bounds on one parsed file.
///
/// `max_depth` is the deepest nesting of arrays and objects (a scalar has depth 0, `[[1]]` depth
/// 2); values above 128 act as 128, the fixed limit of the JSON and YAML parsers, which also keeps
/// every recursive conversion and drop far inside any thread's stack. In HCL a block's body counts
/// one level more than its labels, for the array that repeated blocks of one name and labels form.
/// `max_nodes` bounds the values built, every mapping key and every copy an alias expands to
/// included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_depth: usize,
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 64,
            max_nodes: 1_000_000,
        }
    }
}

/// See [`Limits::max_depth`].
const DEPTH_CEILING: usize = 128;

/// Parses `text` as `format` into a JSON value, within `limits`; an error is a one-line message
/// (with line:column where the parser gives one) that never quotes the file's content.
///
/// - YAML (1.2 scalars: `on`, `yes` stay strings): one document gives that document, several
///   (`---`) an array of them in order; a document that is empty, only comments or `null` is
///   skipped, so an empty file gives `null` and a trailing `---` adds nothing (conftest, splitting
///   on `---` lines, keeps such documents as `null` and returns an array whenever a separator is
///   present). Values JSON cannot hold convert deterministically: a non-string scalar key becomes
///   its YAML text (`1`, `true`, `~`, `0x10` as written), a tag is dropped and its value kept
///   (`!Ref x` is `"x"`, `!!binary` its base64 text), `.inf`, `-.inf` and `.nan` become the
///   strings `".inf"`, `"-.inf"` and `".nan"`, an integer outside 64 bits a float. Merge keys are
///   not applied (as `yaml_serde` does not): `<<` stays an ordinary key whose value is the mapping
///   (or sequence of mappings) to merge, where a policy can see it. A repeated key (after the
///   conversion: `1` and `"1"` repeat) and a sequence or mapping used as a key are errors.
/// - JSON: one value; a repeated key is an error (RFC 8259 leaves it open; consumers differ on
///   which copy wins, so a policy could be shown the other one).
/// - TOML: the document table; datetimes become their RFC 3339 text, `inf` and `nan` the strings
///   `"inf"`, `"-inf"` and `"nan"`.
/// - HCL2, in the shape `hcl::from_str::<serde_json::Value>` gives (the HCL JSON specification):
///   attributes are keys; a block nests under its type and then each label, and its body is an
///   object, or an array of objects when blocks of the same type and labels repeat
///   (`resource "aws_s3_bucket" "b" { acl = "public-read" }` is
///   `{"resource": {"aws_s3_bucket": {"b": {"acl": "public-read"}}}}`; conftest, through
///   hcl2json, always wraps a body in an array). A later block or attribute of the same name but
///   another shape replaces an earlier one. Literals convert to JSON; a template stays its text
///   (`"${var.region}-logs"`), a heredoc its text (`<<-` dedented); any other expression becomes
///   a string of it reformatted inside `${…}` (`var.x` is `"${var.x}"`, `string` is
///   `"${string}"`, `var.n+1` is `"${var.n + 1}"`, where conftest keeps the source spelling),
///   and one in parentheses converts as the expression inside (`([1])` is `[1]`). An object key
///   converts likewise (`(var.k) = 1` is `"${var.k}": 1`). Nothing is evaluated.
///
/// A UTF-8 byte order mark is skipped. See the module documentation for the guards.
pub fn parse(format: Format, text: &str, limits: &Limits) -> Result<Value, String> {
    let limits = Limits {
        max_depth: limits.max_depth.min(DEPTH_CEILING),
        ..*limits
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        Format::Yaml => yaml(text, limits),
        Format::Json => json(text, limits),
        Format::Toml => toml_document(text, limits),
        Format::Hcl => hcl_document(text, limits),
    }
}

/// A one-line message: `YAML parse error at line 3, column 7: …`.
fn message(format: Format, at: Option<(usize, usize)>, what: &str) -> String {
    let mut what_line = String::with_capacity(what.len());
    for word in what.split(|c: char| c.is_whitespace() || c.is_control()) {
        if !word.is_empty() {
            if !what_line.is_empty() {
                what_line.push(' ');
            }
            what_line.push_str(word);
        }
    }
    match at {
        Some((line, column)) => {
            format!(
                "{} parse error at line {line}, column {column}: {what_line}",
                format.label()
            )
        }
        None => format!("{} parse error: {what_line}", format.label()),
    }
}

/// One-based line and column (in characters) of byte `offset` of `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    (line, column)
}

/// What stopped a conversion, when it was not the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hit {
    Depth,
    Nodes,
    DuplicateKey,
    ComplexKey,
    /// `hcl-rs` could not turn an expression into a value (not seen on parsed input).
    Expression,
}

impl Hit {
    fn describe(self, limits: &Limits) -> String {
        match self {
            Hit::Depth => format!("nesting exceeds max_depth ({})", limits.max_depth),
            Hit::Nodes => format!(
                "more than max_nodes ({}) values, counting mapping keys and every copy an alias expands to",
                limits.max_nodes
            ),
            Hit::DuplicateKey => "a mapping repeats a key".to_owned(),
            Hit::ComplexKey => {
                "a mapping key is a sequence or a mapping, which JSON cannot hold".to_owned()
            }
            Hit::Expression => "an expression does not convert to JSON".to_owned(),
        }
    }
}

/// How a float that JSON cannot hold is spelled.
#[derive(Clone, Copy)]
enum NonFinite {
    /// `.inf`, `-.inf`, `.nan`.
    Yaml,
    /// `inf`, `-inf`, `nan` (TOML's spelling).
    Plain,
}

/// The limits, the nodes built so far and what stopped the conversion, shared by every seed of
/// one parse. Serde errors carry only text, so the reason travels beside them.
struct Budget {
    limits: Limits,
    nodes: Cell<usize>,
    hit: Cell<Option<Hit>>,
    non_finite: NonFinite,
}

impl Budget {
    fn new(limits: Limits, non_finite: NonFinite) -> Self {
        Budget {
            limits,
            nodes: Cell::new(0),
            hit: Cell::new(None),
            non_finite,
        }
    }

    fn fail<E: de::Error>(&self, hit: Hit) -> E {
        if self.hit.get().is_none() {
            self.hit.set(Some(hit));
        }
        E::custom(hit.describe(&self.limits))
    }

    fn count(&self) -> Result<(), Hit> {
        let nodes = self.nodes.get() + 1;
        self.nodes.set(nodes);
        if nodes > self.limits.max_nodes {
            Err(Hit::Nodes)
        } else {
            Ok(())
        }
    }

    fn count_de<E: de::Error>(&self) -> Result<(), E> {
        self.count().map_err(|hit| self.fail(hit))
    }

    /// The depth of a container entered from `depth`.
    fn enter(&self, depth: usize) -> Result<usize, Hit> {
        let inner = depth + 1;
        if inner > self.limits.max_depth {
            Err(Hit::Depth)
        } else {
            Ok(inner)
        }
    }

    fn enter_de<E: de::Error>(&self, depth: usize) -> Result<usize, E> {
        self.enter(depth).map_err(|hit| self.fail(hit))
    }

    fn float(&self, value: f64) -> Value {
        if let Some(number) = Number::from_f64(value) {
            return Value::Number(number);
        }
        let text = match (self.non_finite, value.is_nan(), value.is_sign_negative()) {
            (NonFinite::Yaml, true, _) => ".nan",
            (NonFinite::Yaml, false, false) => ".inf",
            (NonFinite::Yaml, false, true) => "-.inf",
            (NonFinite::Plain, true, _) => "nan",
            (NonFinite::Plain, false, false) => "inf",
            (NonFinite::Plain, false, true) => "-inf",
        };
        Value::String(text.to_owned())
    }

    fn integer(&self, value: i128) -> Value {
        if let Ok(small) = i64::try_from(value) {
            Value::from(small)
        } else if let Ok(unsigned) = u64::try_from(value) {
            Value::from(unsigned)
        } else {
            self.float(value as f64)
        }
    }
}

/// Builds a JSON value from any self-describing deserializer, counting nodes and depth as it goes:
/// recursion into a container happens only through `visit_seq`/`visit_map`, which refuse to go
/// past `max_depth`, so the parser's recursion is bounded here too.
#[derive(Clone, Copy)]
struct ValueSeed<'b> {
    budget: &'b Budget,
    /// The depth of the container holding the value.
    depth: usize,
    /// Read mapping keys as their YAML scalar text.
    yaml_keys: bool,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Value, E> {
        self.budget.count_de()?;
        Ok(Value::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Value, E> {
        self.budget.count_de()?;
        Ok(Value::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Value, E> {
        self.budget.count_de()?;
        Ok(Value::from(value))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Value, E> {
        self.budget.count_de()?;
        Ok(self.budget.integer(value))
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Value, E> {
        self.budget.count_de()?;
        Ok(match i128::try_from(value) {
            Ok(value) => self.budget.integer(value),
            Err(_) => self.budget.float(value as f64),
        })
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        self.budget.count_de()?;
        Ok(self.budget.float(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        self.budget.count_de()?;
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        self.budget.count_de()?;
        Ok(Value::String(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.budget.count_de()?;
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_newtype_struct<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.budget.count_de()?;
        let inner = ValueSeed {
            depth: self.budget.enter_de(self.depth)?,
            ..self
        };
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.budget.count_de()?;
        let inner = ValueSeed {
            depth: self.budget.enter_de(self.depth)?,
            ..self
        };
        let mut object = Map::new();
        let keys = KeySeed {
            budget: self.budget,
            yaml: self.yaml_keys,
        };
        while let Some(key) = map.next_key_seed(keys)? {
            if object.contains_key(&key) {
                return Err(self.budget.fail(Hit::DuplicateKey));
            }
            let value = map.next_value_seed(inner)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }

    /// A YAML value with a local tag (`!Ref x`): the tag is dropped, the value kept.
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (IgnoredAny, variant) = data.variant::<IgnoredAny>()?;
        de::VariantAccess::newtype_variant_seed(variant, self)
    }
}

/// What a key visitor expects; a YAML error naming it means a key was a sequence or a mapping.
const KEY_EXPECTING: &str = "a mapping key that is a scalar";

/// A mapping key as a string: YAML keys as their scalar text, others (HCL object keys) as the
/// text of the scalar they hold.
#[derive(Clone, Copy)]
struct KeySeed<'b> {
    budget: &'b Budget,
    yaml: bool,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = String;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        if self.yaml {
            // yaml_serde hands a scalar's text to `deserialize_str` whatever it resolves to.
            deserializer.deserialize_str(self)
        } else {
            deserializer.deserialize_any(self)
        }
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(KEY_EXPECTING)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        self.budget.count_de()?;
        Ok(value.to_owned())
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
        self.budget.count_de()?;
        Ok(value)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<String, E> {
        self.visit_string(value.to_string())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<String, E> {
        self.visit_string(value.to_string())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<String, E> {
        self.visit_string(value.to_string())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<String, E> {
        match self.budget.float(value) {
            Value::String(text) => self.visit_string(text),
            number => self.visit_string(number.to_string()),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        self.visit_string("null".to_owned())
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<String, A::Error> {
        Err(self.budget.fail(Hit::ComplexKey))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<String, A::Error> {
        Err(self.budget.fail(Hit::ComplexKey))
    }
}

// ---------------------------------------------------------------------------------------------
// YAML

fn yaml(text: &str, limits: Limits) -> Result<Value, String> {
    yaml_prescan(text, &limits)?;
    let budget = Budget::new(limits, NonFinite::Yaml);
    let mut documents = Vec::new();
    for document in yaml_serde::Deserializer::from_str(text) {
        let seed = ValueSeed {
            budget: &budget,
            depth: 0,
            yaml_keys: true,
        };
        match seed.deserialize(document) {
            Ok(Value::Null) => {}
            Ok(value) => documents.push(value),
            Err(err) => return Err(yaml_error(&err, &budget)),
        }
    }
    Ok(match documents.len() {
        0 => Value::Null,
        1 => documents.remove(0),
        _ => Value::Array(documents),
    })
}

/// Runs libyaml's token scanner over `text`, the very scanner `yaml_serde` parses with, and stops
/// at the first flow collection nested deeper than `max_depth` or once more than `max_nodes`
/// scalars, aliases and collections were seen. Bounding the open flow collections bounds
/// libyaml's simple-key table, which it walks for every token, so the scan and the parse after
/// it are linear. A scanner error ends the scan quietly: the parse reports it.
fn yaml_prescan(text: &str, limits: &Limits) -> Result<(), String> {
    use libyaml_rs as sys;
    use sys::yaml_token_type_t as T;

    struct Parser(Box<MaybeUninit<sys::yaml_parser_t>>);
    impl Drop for Parser {
        fn drop(&mut self) {
            // SAFETY: built only after `yaml_parser_initialize` succeeded on this allocation.
            unsafe { sys::yaml_parser_delete(self.0.as_mut_ptr()) }
        }
    }

    let mut raw = Box::new(MaybeUninit::<sys::yaml_parser_t>::uninit());
    // SAFETY: `raw` is a valid, writable allocation; initialize fills every field (on failure it
    // frees what it allocated itself, so nothing is deleted then).
    if unsafe { sys::yaml_parser_initialize(raw.as_mut_ptr()) }.fail {
        return Err(message(
            Format::Yaml,
            None,
            "the YAML scanner could not allocate its buffers",
        ));
    }
    let mut parser = Parser(raw);
    let parser_ptr = parser.0.as_mut_ptr();
    // SAFETY: the parser is initialized; the input pointer stays valid while `parser` lives (it
    // is dropped at the end of this function, `text` outlives it), and the parser does not move
    // (it is boxed). The encoding is set as `yaml_serde` sets it, so the tokens are the same.
    unsafe {
        sys::yaml_parser_set_encoding(parser_ptr, sys::yaml_encoding_t::YAML_UTF8_ENCODING);
        sys::yaml_parser_set_input_string(parser_ptr, text.as_ptr(), text.len() as u64);
    }

    let mut flow_depth = 0usize;
    let mut nodes = 0usize;
    loop {
        let mut token = MaybeUninit::<sys::yaml_token_t>::uninit();
        // SAFETY: `yaml_parser_scan` writes the whole token (zeroed on failure).
        if unsafe { sys::yaml_parser_scan(parser_ptr, token.as_mut_ptr()) }.fail {
            return Ok(());
        }
        // SAFETY: the scan succeeded, so the token is initialized; it is deleted once, here,
        // after its kind and position were copied out.
        let (kind, mark) = unsafe {
            let token = token.assume_init_mut();
            let seen = (token.type_, token.start_mark);
            sys::yaml_token_delete(token);
            seen
        };
        let at = || Some((mark.line as usize + 1, mark.column as usize + 1));
        match kind {
            T::YAML_FLOW_SEQUENCE_START_TOKEN | T::YAML_FLOW_MAPPING_START_TOKEN => {
                flow_depth += 1;
                nodes += 1;
                if flow_depth > limits.max_depth {
                    return Err(message(Format::Yaml, at(), &Hit::Depth.describe(limits)));
                }
            }
            T::YAML_FLOW_SEQUENCE_END_TOKEN | T::YAML_FLOW_MAPPING_END_TOKEN => {
                flow_depth = flow_depth.saturating_sub(1);
            }
            T::YAML_BLOCK_SEQUENCE_START_TOKEN
            | T::YAML_BLOCK_MAPPING_START_TOKEN
            | T::YAML_SCALAR_TOKEN
            | T::YAML_ALIAS_TOKEN => nodes += 1,
            T::YAML_STREAM_END_TOKEN => return Ok(()),
            _ => {}
        }
        if nodes > limits.max_nodes {
            return Err(message(Format::Yaml, at(), &Hit::Nodes.describe(limits)));
        }
    }
}

/// `yaml_serde` messages that quote nothing, whatever the input.
const YAML_STATIC_MESSAGES: [&str; 4] = [
    "unknown anchor",
    "EOF while parsing a value",
    "empty YAML tag is not allowed",
    "failed to parse YAML number",
];

fn yaml_error(err: &yaml_serde::Error, budget: &Budget) -> String {
    let at = err.location().map(|l| (l.line(), l.column()));
    let text = err.to_string();
    // A message from `yaml_serde` may quote a value (`invalid value: string "…"`) and starts with
    // the path of keys to it; only libyaml's messages, whose text is static, are passed on.
    let what = if let Some(hit) = budget.hit.get() {
        hit.describe(&budget.limits)
    } else if text.contains(KEY_EXPECTING) {
        Hit::ComplexKey.describe(&budget.limits)
    } else if text.contains("recursion limit exceeded") {
        Hit::Depth.describe(&budget.limits)
    } else if text.contains("repetition limit exceeded") {
        Hit::Nodes.describe(&budget.limits)
    } else if format!("{err:?}").starts_with("Error {") {
        // libyaml's scanner and parser errors: `problem at line L column C, context at …`.
        strip_yaml_marks(&text)
    } else if let Some(known) = YAML_STATIC_MESSAGES.iter().find(|m| text.contains(*m)) {
        (*known).to_owned()
    } else {
        "a scalar does not parse as the type its tag (!!bool, !!int, !!float or !!null) names"
            .to_owned()
    };
    message(Format::Yaml, at, &what)
}

/// Drops libyaml's ` at line L column C` and ` at position N` from a message.
fn strip_yaml_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(" at ") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 4..];
        let skipped = skip_mark(after);
        if skipped == 0 {
            out.push_str(" at ");
        }
        rest = &after[skipped..];
    }
    out.push_str(rest);
    out
}

/// The length of `line L column C` or `position N` at the start of `text`, or 0.
fn skip_mark(text: &str) -> usize {
    fn digits(text: &str) -> usize {
        text.bytes().take_while(u8::is_ascii_digit).count()
    }
    if let Some(rest) = text.strip_prefix("line ") {
        let line = digits(rest);
        if line > 0
            && let Some(column) = rest[line..].strip_prefix(" column ")
            && digits(column) > 0
        {
            return "line ".len() + line + " column ".len() + digits(column);
        }
    } else if let Some(rest) = text.strip_prefix("position ")
        && digits(rest) > 0
    {
        return "position ".len() + digits(rest);
    }
    0
}

// ---------------------------------------------------------------------------------------------
// JSON

fn json(text: &str, limits: Limits) -> Result<Value, String> {
    let budget = Budget::new(limits, NonFinite::Plain);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let seed = ValueSeed {
        budget: &budget,
        depth: 0,
        yaml_keys: false,
    };
    let value = seed
        .deserialize(&mut deserializer)
        .map_err(|e| json_error(&e, &budget))?;
    deserializer.end().map_err(|e| json_error(&e, &budget))?;
    Ok(value)
}

fn json_error(err: &serde_json::Error, budget: &Budget) -> String {
    let at = (err.line() > 0).then(|| (err.line(), err.column().max(1)));
    let what = if let Some(hit) = budget.hit.get() {
        hit.describe(&budget.limits)
    } else if err.is_syntax() || err.is_eof() {
        // serde_json's syntax messages are static (`expected `,` or `}``, `recursion limit exceeded`).
        let text = err.to_string();
        if text.starts_with("recursion limit exceeded") {
            Hit::Depth.describe(&budget.limits)
        } else {
            strip_json_mark(&text)
        }
    } else {
        "a value does not convert to JSON".to_owned()
    };
    message(Format::Json, at, &what)
}

/// Drops serde_json's trailing ` at line L column C`.
fn strip_json_mark(text: &str) -> String {
    match text.rfind(" at line ") {
        Some(start) if skip_mark(&text[start + 4..]) == text.len() - start - 4 => {
            text[..start].to_owned()
        }
        _ => text.to_owned(),
    }
}

// ---------------------------------------------------------------------------------------------
// TOML

fn toml_document(text: &str, limits: Limits) -> Result<Value, String> {
    toml_prescan(text, &limits)?;
    let table: toml::Table = text.parse().map_err(|e| toml_error(&e, text))?;
    let budget = Budget::new(limits, NonFinite::Plain);
    toml_value(toml::Value::Table(table), 0, &budget)
        .map_err(|hit| message(Format::Toml, None, &hit.describe(&limits)))
}

/// Follows the events of `toml_parser`, the parser `toml` runs, to find how deep the document
/// would nest: a table header's keys, each dotted key's parts, and the arrays and inline tables
/// around them. Deeper than `max_depth`, the parser is refused entry into further arrays and
/// inline tables (as `toml`'s own recursion guard does), so this pass's recursion is bounded too.
fn toml_prescan(text: &str, limits: &Limits) -> Result<(), String> {
    let source = toml_parser::Source::new(text);
    let tokens = source.lex().into_vec();
    let mut shape = TomlShape {
        max_depth: limits.max_depth,
        table: 1,
        header: None,
        keys: 0,
        pending: 1,
        frames: Vec::new(),
        over: None,
    };
    if shape.max_depth == 0 {
        return Err(message(Format::Toml, None, &Hit::Depth.describe(limits)));
    }
    toml_parser::parser::parse_document(&tokens, &mut shape, &mut ());
    match shape.over {
        Some(offset) => Err(message(
            Format::Toml,
            Some(line_column(text, offset)),
            &Hit::Depth.describe(limits),
        )),
        None => Ok(()),
    }
}

/// Depths count containers, the root table being 1.
struct TomlShape {
    max_depth: usize,
    /// The depth of the table the last header opened.
    table: usize,
    /// The keys of the header being read.
    header: Option<usize>,
    /// The parts of the key being read.
    keys: usize,
    /// The depth an array or inline table opened as the next value would have.
    pending: usize,
    /// Open arrays (`true`) and inline tables, with their depths.
    frames: Vec<(usize, bool)>,
    /// Where the document first went past `max_depth`.
    over: Option<usize>,
}

impl TomlShape {
    fn current(&self) -> usize {
        self.frames.last().map_or(self.table, |&(depth, _)| depth)
    }

    fn within(&mut self, depth: usize, span: toml_parser::Span) -> bool {
        if depth > self.max_depth {
            self.over.get_or_insert(span.start());
            false
        } else {
            true
        }
    }

    fn open(&mut self, span: toml_parser::Span, array: bool) -> bool {
        let depth = match self.frames.last() {
            Some(&(depth, true)) => depth + 1,
            _ => self.pending,
        };
        if !self.within(depth, span) {
            return false;
        }
        self.frames.push((depth, array));
        self.pending = depth + 1;
        self.keys = 0;
        true
    }

    fn close_header(&mut self, span: toml_parser::Span, array: bool) {
        let keys = self.header.take().unwrap_or(0);
        self.table = 1 + keys + usize::from(array);
        self.pending = self.table + 1;
        let depth = self.table;
        self.within(depth, span);
    }
}

impl toml_parser::parser::EventReceiver for TomlShape {
    fn std_table_open(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.header = Some(0);
    }
    fn std_table_close(&mut self, span: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.close_header(span, false);
    }
    fn array_table_open(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.header = Some(0);
    }
    fn array_table_close(&mut self, span: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.close_header(span, true);
    }
    fn inline_table_open(
        &mut self,
        span: toml_parser::Span,
        _: &mut dyn toml_parser::ErrorSink,
    ) -> bool {
        self.open(span, false)
    }
    fn inline_table_close(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.frames.pop();
    }
    fn array_open(&mut self, span: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) -> bool {
        self.open(span, true)
    }
    fn array_close(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.frames.pop();
    }
    fn simple_key(
        &mut self,
        _: toml_parser::Span,
        _: Option<toml_parser::decoder::Encoding>,
        _: &mut dyn toml_parser::ErrorSink,
    ) {
        match &mut self.header {
            Some(keys) => *keys += 1,
            None => self.keys += 1,
        }
    }
    fn key_val_sep(&mut self, span: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        // `a.b.c = …` opens the tables `a` and `b` below the current one.
        let parent = self.current() + self.keys.saturating_sub(1);
        self.within(parent, span);
        self.pending = parent + 1;
        self.keys = 0;
    }
    fn value_sep(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.keys = 0;
    }
    fn newline(&mut self, _: toml_parser::Span, _: &mut dyn toml_parser::ErrorSink) {
        self.keys = 0;
    }
}

fn toml_value(value: toml::Value, depth: usize, budget: &Budget) -> Result<Value, Hit> {
    budget.count()?;
    Ok(match value {
        toml::Value::String(text) => Value::String(text),
        toml::Value::Integer(number) => Value::from(number),
        toml::Value::Float(number) => budget.float(number),
        toml::Value::Boolean(flag) => Value::Bool(flag),
        toml::Value::Datetime(datetime) => Value::String(datetime.to_string()),
        toml::Value::Array(items) => {
            let inner = budget.enter(depth)?;
            let items = items
                .into_iter()
                .map(|item| toml_value(item, inner, budget));
            Value::Array(items.collect::<Result<_, _>>()?)
        }
        toml::Value::Table(table) => {
            let inner = budget.enter(depth)?;
            let mut object = Map::new();
            for (key, item) in table {
                budget.count()?;
                object.insert(key, toml_value(item, inner, budget)?);
            }
            Value::Object(object)
        }
    })
}

fn toml_error(err: &toml::de::Error, text: &str) -> String {
    let at = err.span().map(|span| line_column(text, span.start));
    // toml's messages name what was expected in backquotes (`=`, `]`), but some quote the
    // value itself (`invalid type: integer `888…` as i128`, found by fuzzing) or a key: every
    // quoted part but a short punctuation token is replaced.
    message(Format::Toml, at, &unquoted(err.message()))
}

/// `message` with the text of every quoted part (in backquotes or double quotes) replaced by `…`,
/// but punctuation tokens of up to three characters (`=`, `]]`, `${`): what a parser quotes from
/// the file never reaches an error.
fn unquoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(['`', '"']) {
        let q = rest.as_bytes()[i] as char;
        out.push_str(&rest[..=i]);
        let after = &rest[i + 1..];
        let Some(j) = after.find(q) else {
            out.push('…');
            return out;
        };
        let quoted = &after[..j];
        if quoted.chars().count() <= 3 && !quoted.chars().any(char::is_alphanumeric) {
            out.push_str(quoted);
        } else {
            out.push('…');
        }
        out.push(q);
        rest = &after[j + 1..];
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------------------------
// HCL

/// Work allowed for the HCL parser's quadratic object building: the sum over all `{…}` of the
/// square of their entries may reach this many per byte of text, plus [`HCL_WORK_FLOOR`] (one
/// object of about 2,900 entries in any file).
const HCL_WORK_PER_BYTE: u64 = 32;
const HCL_WORK_FLOOR: u64 = 8 << 20;

/// Bytes the HCL parser may read twice: a heredoc whose first line is its own delimiter makes it
/// read to the end of the file looking for a later one before it settles for an empty heredoc.
/// The total may reach the text's length plus this.
const HCL_RESCAN_FLOOR: usize = 256 << 10;

fn hcl_document(text: &str, limits: Limits) -> Result<Value, String> {
    hcl_prescan(text)?;
    let body = hcl::parse(text).map_err(|err| match err {
        hcl::Error::Parse(err) => {
            let at = (err.location().line(), err.location().column());
            message(Format::Hcl, Some(at), &unquoted(err.message()))
        }
        _ => message(Format::Hcl, None, "the text is not HCL"),
    })?;
    let budget = Budget::new(limits, NonFinite::Plain);
    let converted = budget
        .count()
        .and_then(|()| budget.enter(0))
        .and_then(|depth| hcl_body(body, depth, &budget));
    converted
        .map(Value::Object)
        .map_err(|hit| message(Format::Hcl, None, &hit.describe(&limits)))
}

/// Scans HCL text as `hcl-edit` reads it (comments, quoted templates with their escapes and
/// `${…}`/`%{…}` sequences, heredocs), counting the `=` and `:` directly inside each `{…}`, an
/// upper bound on its entries, and refuses the text when the squares of those counts add up past
/// the work allowed for its length. Counted for every brace, block bodies included (cheap to
/// parse, but telling them from objects would need the parser's grammar).
/// The deepest parentheses an HCL expression may nest (see `hcl_prescan`): Terraform's own
/// expressions rarely pass three.
const HCL_MAX_PARENS: usize = 12;

fn hcl_prescan(text: &str) -> Result<(), String> {
    enum Frame {
        Brace {
            entries: u64,
            at: usize,
        },
        Bracket,
        Paren,
        Interpolation,
        Quoted,
        Heredoc {
            delimiter_start: usize,
            delimiter_end: usize,
        },
    }

    let bytes = text.as_bytes();
    let allowed =
        HCL_WORK_FLOOR.saturating_add(HCL_WORK_PER_BYTE.saturating_mul(bytes.len() as u64));
    let mut rescan_left = bytes.len().saturating_add(HCL_RESCAN_FLOOR);
    let mut rescan_over = None;
    let mut work = 0u64;
    let mut largest = (0u64, 0usize);
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    let close = |frame: Option<Frame>, work: &mut u64, largest: &mut (u64, usize)| {
        if let Some(Frame::Brace { entries, at }) = frame {
            *work = work.saturating_add(entries.saturating_mul(entries));
            if entries > largest.0 {
                *largest = (entries, at);
            }
        }
    };
    while i < bytes.len() {
        let rest = &bytes[i..];
        match stack.last_mut() {
            Some(Frame::Quoted) => match rest[0] {
                b'\\' => i += 2,
                b'"' => {
                    stack.pop();
                    i += 1;
                }
                b'$' | b'%' => i += template_marker(rest, &mut stack, || Frame::Interpolation),
                _ => i += 1,
            },
            Some(Frame::Heredoc {
                delimiter_start,
                delimiter_end,
            }) => {
                let (start, end) = (*delimiter_start, *delimiter_end);
                match rest[0] {
                    b'$' | b'%' => i += template_marker(rest, &mut stack, || Frame::Interpolation),
                    b'\n' => match heredoc_end(text, i + 1, &text[start..end]) {
                        Some(after) => {
                            stack.pop();
                            i = after;
                        }
                        None => i += 1,
                    },
                    _ => i += 1,
                }
            }
            top => {
                let in_brace = matches!(top, Some(Frame::Brace { .. }));
                match rest[0] {
                    b'#' => i += line_length(rest),
                    b'/' if rest.get(1) == Some(&b'/') => i += line_length(rest),
                    b'/' if rest.get(1) == Some(&b'*') => {
                        i += memchr::memmem::find(&rest[2..], b"*/").map_or(rest.len(), |n| n + 4);
                    }
                    b'"' => {
                        stack.push(Frame::Quoted);
                        i += 1;
                    }
                    b'<' if rest.get(1) == Some(&b'<') => match heredoc_start(text, i) {
                        Some((delimiter_start, delimiter_end, content)) => {
                            let delimiter = &text[delimiter_start..delimiter_end];
                            // `hcl-edit` ends a heredoc at the first later line holding only its
                            // delimiter; a delimiter on the first content line ends it only when
                            // no such line follows, found by reading to the end of the file.
                            let empty = heredoc_end(text, content, delimiter);
                            let window = content.saturating_add(rescan_left).min(bytes.len());
                            match empty {
                                Some(after)
                                    if !later_heredoc_end(text, content, window, delimiter) =>
                                {
                                    if window < bytes.len() {
                                        rescan_over = Some(i);
                                        break;
                                    }
                                    rescan_left -= bytes.len() - content;
                                    i = after;
                                }
                                _ => {
                                    stack.push(Frame::Heredoc {
                                        delimiter_start,
                                        delimiter_end,
                                    });
                                    i = content;
                                }
                            }
                        }
                        None => i += 2,
                    },
                    b'{' => {
                        stack.push(Frame::Brace { entries: 0, at: i });
                        i += 1;
                    }
                    b'[' => {
                        stack.push(Frame::Bracket);
                        i += 1;
                    }
                    b'(' => {
                        // `hcl-edit` backtracks through every open parenthesis of an expression
                        // that does not close: its time grows by half again with each level.
                        let open = stack.iter().filter(|f| matches!(f, Frame::Paren)).count();
                        if open >= HCL_MAX_PARENS {
                            let what = format!(
                                "parentheses nest more than {HCL_MAX_PARENS} deep (the HCL parser's time grows exponentially with each level)"
                            );
                            return Err(message(Format::Hcl, Some(line_column(text, i)), &what));
                        }
                        stack.push(Frame::Paren);
                        i += 1;
                    }
                    b'}' | b']' | b')' => {
                        // Valid HCL closes every bracket it opens, with its own kind; on text
                        // that does not, `hcl-edit` backtracks through the open ones, in time
                        // exponential in how many (found by fuzzing). Refused before it runs.
                        let matches = matches!(
                            (rest[0], stack.last()),
                            (b'}', Some(Frame::Brace { .. } | Frame::Interpolation))
                                | (b']', Some(Frame::Bracket))
                                | (b')', Some(Frame::Paren))
                        );
                        if !matches {
                            return Err(message(
                                Format::Hcl,
                                Some(line_column(text, i)),
                                "a closing bracket that does not match the one open",
                            ));
                        }
                        close(stack.pop(), &mut work, &mut largest);
                        i += 1;
                    }
                    b'=' | b':' => {
                        if let (true, Some(Frame::Brace { entries, .. })) =
                            (in_brace, stack.last_mut())
                        {
                            *entries += 1;
                        }
                        i += 1;
                    }
                    _ => i += 1,
                }
            }
        }
        if work > allowed {
            break;
        }
    }
    if let Some(at) = rescan_over {
        let what = "too many heredocs whose first line is their own delimiter (the HCL parser \
                    reads the rest of the file again for each)";
        return Err(message(Format::Hcl, Some(line_column(text, at)), what));
    }
    let unclosed = (work <= allowed && !stack.is_empty()).then_some(());
    while let Some(frame) = stack.pop() {
        close(Some(frame), &mut work, &mut largest);
    }
    if unclosed.is_some() && work <= allowed {
        return Err(message(
            Format::Hcl,
            Some(line_column(text, text.len())),
            "a bracket, string, interpolation or heredoc is not closed by the end of the file",
        ));
    }
    if work > allowed {
        let what = format!(
            "an object or block has {} entries, more than the HCL parser handles in this file \
             (its work grows with the square of an object's entries)",
            largest.0
        );
        return Err(message(
            Format::Hcl,
            Some(line_column(text, largest.1)),
            &what,
        ));
    }
    Ok(())
}

/// At `$` or `%` in a template: skips an escaped `$${`/`%%{`, enters `${`/`%{`, or steps one byte.
fn template_marker<F>(rest: &[u8], stack: &mut Vec<F>, interpolation: impl FnOnce() -> F) -> usize {
    match rest {
        [a, b, b'{', ..] if a == b => 3,
        [_, b'{', ..] => {
            stack.push(interpolation());
            2
        }
        _ => 1,
    }
}

/// The bytes up to (not including) the next newline.
fn line_length(rest: &[u8]) -> usize {
    memchr::memchr(b'\n', rest).unwrap_or(rest.len())
}

fn is_identifier_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// At `<<`: a heredoc start `<<ID` or `<<-ID` and a line ending; returns the delimiter's span and
/// where the content starts.
fn heredoc_start(text: &str, at: usize) -> Option<(usize, usize, usize)> {
    let mut start = at + 2;
    if text.as_bytes().get(start) == Some(&b'-') {
        start += 1;
    }
    let tail = text.get(start..)?;
    let first = tail.chars().next()?;
    if !(first.is_alphabetic() || first == '_') {
        return None;
    }
    let end = start
        + tail
            .find(|c: char| !is_identifier_char(c))
            .unwrap_or(tail.len());
    let after = &text.as_bytes()[end..];
    let content = match after {
        [b'\n', ..] => end + 1,
        [b'\r', b'\n', ..] => end + 2,
        _ => return None,
    };
    Some((start, end, content))
}

/// Whether the line starting at `line` is spaces or tabs, then `delimiter`, then no identifier
/// character; returns where the delimiter ends.
fn heredoc_end(text: &str, line: usize, delimiter: &str) -> Option<usize> {
    let tail = text.get(line..)?;
    let indent = tail.len() - tail.trim_start_matches([' ', '\t']).len();
    let after = tail[indent..].strip_prefix(delimiter)?;
    if after.chars().next().is_some_and(is_identifier_char) {
        return None;
    }
    Some(line + indent + delimiter.len())
}

/// Whether a line after the first content line at `content`, and starting before `window`, ends
/// the heredoc.
fn later_heredoc_end(text: &str, content: usize, window: usize, delimiter: &str) -> bool {
    let bytes = &text.as_bytes()[..window.max(content)];
    memchr::memchr_iter(b'\n', &bytes[content..])
        .any(|n| heredoc_end(text, content + n + 1, delimiter).is_some())
}

/// A body's keys while blocks are merged into them.
#[derive(Default)]
struct Node {
    children: BTreeMap<String, Node>,
    leaf: Leaf,
}

#[derive(Default)]
enum Leaf {
    /// An object of `children` (a block type or label level).
    #[default]
    Map,
    /// The bodies of the blocks of one type and labels.
    Bodies(Vec<Map<String, Value>>),
    /// An attribute's value.
    Value(Value),
}

impl Node {
    fn into_value(self) -> Value {
        match self.leaf {
            Leaf::Map => Value::Object(
                self.children
                    .into_iter()
                    .map(|(key, node)| (key, node.into_value()))
                    .collect(),
            ),
            Leaf::Bodies(mut bodies) if bodies.len() == 1 => {
                Value::Object(bodies.pop().unwrap_or_default())
            }
            Leaf::Bodies(bodies) => Value::Array(bodies.into_iter().map(Value::Object).collect()),
            Leaf::Value(value) => value,
        }
    }

    /// Makes this node an object level (a later block replaces an earlier different shape).
    fn make_map(&mut self) {
        if !matches!(self.leaf, Leaf::Map) {
            *self = Node::default();
        }
    }
}

/// A body at `depth` (the depth of its own object) as the HCL JSON specification shapes it.
fn hcl_body(body: hcl::Body, depth: usize, budget: &Budget) -> Result<Map<String, Value>, Hit> {
    let mut root = Node::default();
    for structure in body {
        match structure {
            hcl::Structure::Attribute(attribute) => {
                budget.count()?;
                let seed = ValueSeed {
                    budget,
                    depth,
                    yaml_keys: false,
                };
                let value = seed
                    .deserialize(attribute.expr)
                    .map_err(|_: hcl::Error| budget.hit.get().unwrap_or(Hit::Expression))?;
                let node = Node {
                    children: BTreeMap::new(),
                    leaf: Leaf::Value(value),
                };
                root.children.insert(attribute.key.into_inner(), node);
            }
            hcl::Structure::Block(block) => {
                // The type's object, one per label, the array of repeated bodies, the body.
                let body_depth = depth + block.labels.len() + 2;
                if body_depth > budget.limits.max_depth {
                    return Err(Hit::Depth);
                }
                for _ in 0..=block.labels.len() {
                    budget.count()?;
                    budget.count()?;
                }
                let inner = hcl_body(block.body, body_depth, budget)?;
                let mut slot = root
                    .children
                    .entry(block.identifier.into_inner())
                    .or_default();
                for label in block.labels {
                    slot.make_map();
                    slot = slot.children.entry(label.into_inner()).or_default();
                }
                match &mut slot.leaf {
                    Leaf::Bodies(bodies) => bodies.push(inner),
                    _ => {
                        *slot = Node {
                            children: BTreeMap::new(),
                            leaf: Leaf::Bodies(vec![inner]),
                        }
                    }
                }
            }
        }
    }
    Ok(root
        .children
        .into_iter()
        .map(|(key, node)| (key, node.into_value()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::time::{Duration, Instant};

    fn ok(format: Format, text: &str) -> Value {
        parse(format, text, &Limits::default()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn err(format: Format, text: &str) -> String {
        err_with(format, text, &Limits::default())
    }

    fn err_with(format: Format, text: &str, limits: &Limits) -> String {
        match parse(format, text, limits) {
            Ok(value) => panic!(
                "parsed: {}",
                value.to_string().chars().take(200).collect::<String>()
            ),
            Err(message) => {
                assert!(!message.contains('\n'), "{message}");
                message
            }
        }
    }

    /// Parses on the calling (test) thread, 2 MiB of stack, and checks the time: the hostile
    /// inputs below take minutes, or crash, without their guards.
    fn quick<T>(what: &str, run: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = run();
        let took = start.elapsed();
        assert!(took < Duration::from_secs(5), "{what} took {took:?}");
        out
    }

    #[test]
    fn format_of_path_reads_the_file_name_extension_only() {
        let cases = [
            ("deploy/app.yaml", Some(Format::Yaml)),
            (".github/workflows/ci.YML", Some(Format::Yaml)),
            ("package.json", Some(Format::Json)),
            ("main.tf.json", Some(Format::Json)),
            ("Cargo.toml", Some(Format::Toml)),
            ("infra/main.tf", Some(Format::Hcl)),
            ("prod.TFVARS", Some(Format::Hcl)),
            ("config.hcl", Some(Format::Hcl)),
            ("tsconfig.jsonc", None),
            ("a.yaml/README", None),
            (".json", None),
            ("Makefile", None),
            ("file.", None),
        ];
        for (path, want) in cases {
            assert_eq!(Format::of_path(path), want, "{path}");
        }
        let names: Vec<_> = [Format::Yaml, Format::Json, Format::Toml, Format::Hcl]
            .map(Format::as_str)
            .into();
        assert_eq!(names, ["yaml", "json", "toml", "hcl"]);
        assert_eq!(
            Limits::default(),
            Limits {
                max_depth: 64,
                max_nodes: 1_000_000
            }
        );
    }

    #[test]
    fn yaml_deployment_with_two_documents_is_an_array() {
        let text = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: registry.example/web:1.4
          securityContext:
            privileged: false
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports: [{port: 80, targetPort: 8080}]
---
";
        let value = ok(Format::Yaml, text);
        assert_eq!(value[0]["kind"], "Deployment");
        assert_eq!(value[0]["spec"]["replicas"], 2);
        let container = &value[0]["spec"]["template"]["spec"]["containers"][0];
        assert_eq!(container["securityContext"]["privileged"], false);
        assert_eq!(value[1]["spec"]["ports"][0]["targetPort"], 8080);
        assert_eq!(
            value.as_array().map(Vec::len),
            Some(2),
            "the trailing --- adds nothing"
        );
    }

    #[test]
    fn yaml_github_workflow_keeps_on_and_script_text() {
        let text = "\
name: ci
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: |
          if [[ -f Cargo.toml ]]; then echo \"it's [rust\"; fi
          cargo test --locked
";
        let value = ok(Format::Yaml, text);
        assert!(value["on"]["push"]["branches"] == json!(["main"]));
        let run = value["jobs"]["test"]["steps"][1]["run"].as_str().unwrap();
        assert!(run.starts_with("if [[ -f Cargo.toml ]]"), "{run}");
    }

    #[test]
    fn yaml_empty_documents_are_skipped() {
        assert_eq!(ok(Format::Yaml, ""), Value::Null);
        assert_eq!(ok(Format::Yaml, "# only a comment\n"), Value::Null);
        assert_eq!(ok(Format::Yaml, "---\nkind: A\n"), json!({"kind": "A"}));
        assert_eq!(
            ok(Format::Yaml, "kind: A\n---\n---\n# c\n---\nkind: B\n"),
            json!([{"kind": "A"}, {"kind": "B"}])
        );
        assert_eq!(ok(Format::Yaml, "--- ~\n--- null\n"), Value::Null);
    }

    #[test]
    fn yaml_values_json_cannot_hold_convert_deterministically() {
        let text = "\
1: int key
true: bool key
~: null key
0x10: hex key
2.50: float key
ref: !Ref bucket
seq: !custom [1, 2]
bin: !!binary aGk=
str: !!str 12
big: 123456789012345678901234567890
inf: .inf
ninf: -.inf
nan: .nan
base: &base {size: 1}
derived:
  <<: *base
  name: d
";
        let value = ok(Format::Yaml, text);
        let want = json!({
            "1": "int key", "true": "bool key", "~": "null key", "0x10": "hex key",
            "2.50": "float key", "ref": "bucket", "seq": [1, 2], "bin": "aGk=", "str": "12",
            "big": 1.2345678901234568e29, "inf": ".inf", "ninf": "-.inf", "nan": ".nan",
            "base": {"size": 1}, "derived": {"<<": {"size": 1}, "name": "d"},
        });
        assert_eq!(value, want);
        assert_eq!(ok(Format::Yaml, text), value, "same output every time");
    }

    #[test]
    fn yaml_repeated_and_complex_keys_are_errors() {
        let repeated = err(Format::Yaml, "a: 1\nb: 2\na: 3\n");
        assert!(
            repeated.contains("repeats a key") && repeated.contains("line 1"),
            "{repeated}"
        );
        let converted = err(Format::Yaml, "1: a\n\"1\": b\n");
        assert!(converted.contains("repeats a key"), "{converted}");
        let complex = err(Format::Yaml, "? [a, b]\n: c\n");
        assert!(complex.contains("sequence or a mapping"), "{complex}");
    }

    #[test]
    fn json_document_and_repeated_keys() {
        let value = ok(
            Format::Json,
            "\u{feff}{\"a\": [1, 2.5, true, null, \"x\"], \"b\": {}}",
        );
        assert_eq!(value, json!({"a": [1, 2.5, true, null, "x"], "b": {}}));
        let repeated = err(Format::Json, "{\"a\": 1,\n \"a\": 2}");
        assert!(
            repeated.contains("repeats a key") && repeated.contains("line 2"),
            "{repeated}"
        );
        let trailing = err(Format::Json, "{}\n{}");
        assert!(
            trailing.contains("line 2, column 1: trailing characters"),
            "{trailing}"
        );
        let comments = err(Format::Json, "{\n  // not JSON\n  \"a\": 1\n}");
        assert!(comments.contains("line 2"), "{comments}");
    }

    #[test]
    fn toml_cargo_manifest() {
        let text = r#"
[package]
name = "demo"
version = "0.1.0"
edition = "2024"
metadata.release.when = 2026-01-02T03:04:05Z
day = 2026-01-02
limit = inf

[dependencies]
serde = { version = "1", features = ["derive"] }
regex = "1.11"

[[bin]]
name = "demo"
path = "src/main.rs"
"#;
        let value = ok(Format::Toml, text);
        assert_eq!(
            value["package"]["metadata"]["release"]["when"],
            "2026-01-02T03:04:05Z"
        );
        assert_eq!(value["package"]["day"], "2026-01-02");
        assert_eq!(value["package"]["limit"], "inf");
        assert_eq!(
            value["dependencies"]["serde"]["features"],
            json!(["derive"])
        );
        assert_eq!(
            value["bin"],
            json!([{"name": "demo", "path": "src/main.rs"}])
        );
    }

    #[test]
    fn hcl_terraform_resources_and_variable() {
        let text = r#"
variable "region" {
  type    = string
  default = "eu-west-1"
}

resource "aws_s3_bucket" "logs" {
  bucket = "${var.region}-logs"
  acl    = "public-read"
  tags   = { team = "platform", env = var.env }
  count  = var.enabled ? 1 : 0
  lifecycle_rule { enabled = true }
  lifecycle_rule { enabled = false }
}

resource "aws_security_group_rule" "ssh" {
  type        = "ingress"
  from_port   = 22
  cidr_blocks = ["0.0.0.0/0"]
  description = <<-EOT
    SSH from ${var.office}
  EOT
}
"#;
        let value = ok(Format::Hcl, text);
        let want = json!({
            "variable": {"region": {"type": "${string}", "default": "eu-west-1"}},
            "resource": {
                "aws_s3_bucket": {"logs": {
                    "bucket": "${var.region}-logs",
                    "acl": "public-read",
                    "tags": {"team": "platform", "env": "${var.env}"},
                    "count": "${var.enabled ? 1 : 0}",
                    "lifecycle_rule": [{"enabled": true}, {"enabled": false}],
                }},
                "aws_security_group_rule": {"ssh": {
                    "type": "ingress",
                    "from_port": 22,
                    "cidr_blocks": ["0.0.0.0/0"],
                    "description": "SSH from ${var.office}\n",
                }},
            },
        });
        assert_eq!(value, want);
    }

    #[test]
    fn hcl_shape_matches_hcl_rs_for_repeated_blocks() {
        let text = "locals { a = 1 }\nlocals { b = (2) }\nmodule \"m\" { source = \"./m\" }\n";
        let ours = ok(Format::Hcl, text);
        let theirs: Value = hcl::from_str(text).unwrap();
        assert_eq!(ours, theirs);
        assert_eq!(ours["locals"], json!([{"a": 1}, {"b": 2}]));
    }

    #[test]
    fn parse_errors_name_line_and_column() {
        let yaml = err(Format::Yaml, "a: 1\nb:\n  - x\n  y: z\n");
        assert!(
            yaml.starts_with("YAML parse error at line 4, column 3: "),
            "{yaml}"
        );
        let json = err(Format::Json, "{\n  \"a\": 1\n  \"b\": 2\n}");
        assert_eq!(
            json,
            "JSON parse error at line 3, column 3: expected `,` or `}`"
        );
        let toml = err(Format::Toml, "[a]\nb = 1\nc = \n");
        assert!(
            toml.starts_with("TOML parse error at line 3, column 5: "),
            "{toml}"
        );
        let hcl = err(Format::Hcl, "a = 1\nb = [1,\n");
        assert_eq!(
            hcl,
            "HCL parse error at line 3, column 1: a bracket, string, interpolation or heredoc is not closed by the end of the file"
        );
        let hcl = err(Format::Hcl, "a = 1\nb = [1,,]\n");
        assert!(
            hcl.starts_with("HCL parse error at line 2, column "),
            "{hcl}"
        );
    }

    #[test]
    fn errors_do_not_quote_the_file() {
        const SECRET: &str = "hunter2-not-a-real-secret";
        let cases = [
            (
                Format::Yaml,
                "db:\n  password: hunter2-not-a-real-secret: x\n",
            ),
            (
                Format::Yaml,
                "db:\n  password: \"hunter2-not-a-real-secret\n",
            ),
            (
                Format::Yaml,
                "db:\n  port: !!int hunter2-not-a-real-secret\n",
            ),
            (
                Format::Yaml,
                "hunter2-not-a-real-secret: 1\nhunter2-not-a-real-secret: 2\n",
            ),
            (Format::Yaml, "a: *hunter2-not-a-real-secret\n"),
            (
                Format::Json,
                "{\"password\": \"hunter2-not-a-real-secret\" x}",
            ),
            (
                Format::Json,
                "{\"hunter2-not-a-real-secret\": 1, \"hunter2-not-a-real-secret\": 2}",
            ),
            (Format::Json, "{\"password\": hunter2-not-a-real-secret}"),
            (Format::Toml, "password = \"hunter2-not-a-real-secret\" x\n"),
            (
                Format::Toml,
                "hunter2-not-a-real-secret = 1\nhunter2-not-a-real-secret = 2\n",
            ),
            (Format::Toml, "password = hunter2-not-a-real-secret\n"),
            (Format::Hcl, "password = \"hunter2-not-a-real-secret\" x\n"),
            (Format::Hcl, "password = hunter2-not-a-real-secret!\n"),
            (Format::Hcl, "block \"hunter2-not-a-real-secret\" {\n"),
        ];
        for (format, text) in cases {
            let message = err(format, text);
            assert!(!message.contains(SECRET), "{message}");
            assert!(!message.contains("hunter2"), "{message}");
        }
    }

    #[test]
    fn yaml_deep_flow_nesting_stops_before_libyaml_goes_quadratic() {
        // Without the token pre-scan libyaml takes about 110 s (debug) on this 400 KB.
        let text = format!("{}1{}", "{a: ".repeat(100_000), "}".repeat(100_000));
        let message = quick("{a: ×100,000", || err(Format::Yaml, &text));
        assert!(
            message.contains("max_depth (64)") && message.contains("column 257"),
            "{message}"
        );
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let message = quick("[ ×100,000", || err(Format::Yaml, &text));
        assert!(message.contains("max_depth (64)"), "{message}");
        let within = format!("{}1{}", "[".repeat(64), "]".repeat(64));
        ok(Format::Yaml, &within);
    }

    #[test]
    fn yaml_deep_block_nesting_is_stopped_at_max_depth() {
        let nested = |levels: usize| {
            let mut text = String::new();
            for level in 0..levels {
                text.push_str(&" ".repeat(level));
                text.push_str("a:\n");
            }
            text.push_str(&" ".repeat(levels));
            text.push_str("b: 1\n");
            text
        };
        ok(Format::Yaml, &nested(63));
        let message = err(Format::Yaml, &nested(64));
        assert!(message.contains("max_depth (64)"), "{message}");
        let message = quick("3000 levels", || err(Format::Yaml, &nested(3000)));
        assert!(message.contains("max_depth (64)"), "{message}");
        let deep = Limits {
            max_depth: 1_000,
            ..Limits::default()
        };
        let value = parse(Format::Yaml, &nested(127), &deep).unwrap();
        assert!(value["a"]["a"].is_object());
        let message = err_with(Format::Yaml, &nested(128), &deep);
        assert!(message.contains("max_depth (128)"), "{message}");
    }

    #[test]
    fn yaml_alias_expansion_is_bounded_by_max_nodes() {
        // Within yaml_serde's own repetition limit (jumps ≤ 100 × events): 400 aliases of a
        // 2,000-item list expand to 800,000 nodes from 10 KB.
        let text = format!(
            "a: &a [{}]\nb: [{}]\n",
            "x,".repeat(2_000),
            "*a,".repeat(400)
        );
        let limits = Limits {
            max_nodes: 100_000,
            ..Limits::default()
        };
        let message = quick("wide aliases", || err_with(Format::Yaml, &text, &limits));
        assert!(message.contains("max_nodes (100000)"), "{message}");
        let small = Limits {
            max_nodes: 20_000,
            ..Limits::default()
        };
        let text = format!("a: &a [{}]\nb: [{}]\n", "x,".repeat(100), "*a,".repeat(100));
        assert_eq!(
            parse(Format::Yaml, &text, &small).unwrap()["b"][99][99],
            "x"
        );

        let mut laughs = String::from("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for level in 1..10 {
            let previous = format!("*l{}", level - 1);
            laughs.push_str(&format!(
                "l{level}: &l{level} [{}]\n",
                [previous.as_str(); 9].join(", ")
            ));
        }
        let message = quick("billion laughs", || err(Format::Yaml, &laughs));
        assert!(message.contains("max_nodes"), "{message}");
        let message = err(Format::Yaml, "a: &a [*a]\n");
        assert!(message.contains("max_depth"), "{message}");
    }

    #[test]
    fn yaml_prescan_bounds_the_events_kept() {
        let limits = Limits {
            max_nodes: 1_000,
            ..Limits::default()
        };
        let text = "- x\n".repeat(2_000);
        let message = err_with(Format::Yaml, &text, &limits);
        assert!(
            message.contains("max_nodes (1000)") && message.contains("line 1000"),
            "{message}"
        );
    }

    #[test]
    fn json_depth_and_nodes_are_bounded() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let message = quick("JSON [ ×100,000", || err(Format::Json, &text));
        assert!(
            message.contains("max_depth (64)") && message.contains("column 65"),
            "{message}"
        );
        let deep = Limits {
            max_depth: usize::MAX,
            ..Limits::default()
        };
        let message = err_with(Format::Json, &text, &deep);
        assert!(message.contains("max_depth (128)"), "{message}");
        let limits = Limits {
            max_nodes: 10,
            ..Limits::default()
        };
        let message = err_with(Format::Json, &format!("[{}0]", "0,".repeat(20)), &limits);
        assert!(message.contains("max_nodes (10)"), "{message}");
    }

    #[test]
    fn toml_dotted_keys_in_nested_inline_tables_do_not_overflow_the_stack() {
        // Each inline table may nest 80 deep and each dotted key 80 parts in `toml` itself: 78 ×
        // 78 levels overflowed a 2 MiB stack without the event pre-scan.
        let key = vec!["k"; 78].join(".");
        let text = format!(
            "[{key}]\nx = {}1{}\n",
            format!("{{{key} = ").repeat(78),
            "}".repeat(78)
        );
        let message = quick("dotted keys in inline tables", || err(Format::Toml, &text));
        assert!(
            message.contains("max_depth (64)") && message.contains("line 1"),
            "{message}"
        );
        let text = format!("{} = 1\n", vec!["k"; 100_000].join("."));
        let message = quick("100,000 dotted parts", || err(Format::Toml, &text));
        assert!(message.contains("max_depth"), "{message}");
        let text = format!("a = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let message = quick("TOML [ ×100,000", || err(Format::Toml, &text));
        assert!(
            message.contains("max_depth (64)") && message.contains("column 68"),
            "{message}"
        );
    }

    #[test]
    fn toml_depth_counts_headers_dotted_keys_and_brackets() {
        let limits = Limits {
            max_depth: 4,
            ..Limits::default()
        };
        // root, a, b, c: 4 levels.
        parse(Format::Toml, "[a.b]\nc.d = 1\n", &limits).unwrap();
        parse(Format::Toml, "a = [[{b = 1}]]\n", &limits).unwrap();
        parse(Format::Toml, "[[a.b]]\nc = 1\n", &limits).unwrap();
        for text in [
            "[a.b]\nc.d.e = 1\n",
            "a = [[{b = [1]}]]\n",
            "[[a.b]]\nc.d = 1\n",
            "a = {b = {c.d.e = 1}}\n",
        ] {
            let message = err_with(Format::Toml, text, &limits);
            assert!(message.contains("max_depth (4)"), "{text}: {message}");
        }
    }

    #[test]
    fn hcl_many_labels_do_not_overflow_the_stack() {
        // hcl-rs recursed once per label: 100,000 labels overflowed the stack.
        let text = format!("a {} {{}}\n", "\"l\" ".repeat(100_000));
        let message = quick("100,000 labels", || err(Format::Hcl, &text));
        assert!(message.contains("max_depth (64)"), "{message}");
        let text = format!("a = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let message = quick("HCL [ ×100,000", || err(Format::Hcl, &text));
        assert!(message.contains("nesting depth"), "{message}");
    }

    #[test]
    fn hcl_large_objects_are_refused_before_the_quadratic_parse() {
        // hcl-edit builds an object in time quadratic in its entries: 64,000 took a minute.
        let text = format!(
            "a = {{\n{}}}\n",
            (0..64_000)
                .map(|i| format!("k{i} = 1\n"))
                .collect::<String>()
        );
        let message = quick("object of 64,000 entries", || err(Format::Hcl, &text));
        assert!(
            message.contains("64000 entries") && message.contains("line 1, column 5"),
            "{message}"
        );
        let text = format!(
            "a = {{\n{}}}\n",
            (0..1_000)
                .map(|i| format!("k{i} = 1\n"))
                .collect::<String>()
        );
        assert_eq!(ok(Format::Hcl, &text)["a"]["k999"], 1);
        // Braces inside strings, comments and heredocs are not objects.
        let hidden = "= , ".repeat(5_000);
        let text = format!(
            "a = \"{{{hidden}}}\"\n# {{{hidden}}}\nb = <<EOT\n{{{hidden}}}\nEOT\n/* {{{hidden}}} */\n"
        );
        ok(Format::Hcl, &text);
        // …but a `${…}` in them is code again.
        let text = format!(
            "a = \"${{ {{ {} }} }}\"\n",
            (0..64_000)
                .map(|i| format!("k{i} = 1,"))
                .collect::<String>()
        );
        let message = quick("object in a template", || err(Format::Hcl, &text));
        assert!(message.contains("entries"), "{message}");
    }

    #[test]
    fn toml_errors_never_quote_a_value_or_a_key() {
        // Found by fuzzing: toml quoted an integer too large for it.
        let e = parse(
            Format::Toml,
            "#\nor= 88888888888888888888888888808\n",
            &Limits::default(),
        )
        .unwrap_err();
        assert!(!e.contains("8888"), "{e}");
        let e = parse(
            Format::Toml,
            "secret_key_name = 1\nsecret_key_name = 2\n",
            &Limits::default(),
        )
        .unwrap_err();
        assert!(!e.contains("secret_key_name"), "{e}");
        assert_eq!(
            unquoted("expected `=`, found `hunter2`"),
            "expected `=`, found `…`"
        );
        assert_eq!(unquoted("bad \"x y\" and `]]`"), "bad \"…\" and `]]`");
        assert_eq!(unquoted("open `abc"), "open `…");
    }

    #[test]
    fn hcl_unclosed_parentheses_are_refused_before_the_exponential_parse() {
        // Found by fuzzing: 26 unclosed parentheses around binary operators ran for minutes.
        let deep = format!("a = {}\n", "(b+\"x\"- ".repeat(40));
        let started = std::time::Instant::now();
        let e = parse(Format::Hcl, &deep, &Limits::default()).unwrap_err();
        assert!(e.contains("parentheses nest more than 12 deep"), "{e}");
        assert!(started.elapsed().as_secs_f64() < 1.0);
        // Twelve, closed or not, still parse (or fail) quickly.
        let ok = format!("a = {}1{}\n", "(".repeat(12), ")".repeat(12));
        assert_eq!(parse(Format::Hcl, &ok, &Limits::default()).unwrap()["a"], 1);
        let started = std::time::Instant::now();
        let _ = parse(
            Format::Hcl,
            &format!("a = {}\n", "(b+\"x\"- ".repeat(12)),
            &Limits::default(),
        );
        assert!(
            started.elapsed().as_secs_f64() < 5.0,
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn hcl_unmatched_and_unclosed_brackets_are_refused_before_the_parse() {
        // Found by fuzzing: objects opened after `/` operators and never closed ran over 10 s.
        let text = format!("b {{\n{}", "  x = var.a/b/c/ {\n".repeat(12));
        let started = std::time::Instant::now();
        let e = parse(Format::Hcl, &text, &Limits::default()).unwrap_err();
        assert!(e.contains("not closed by the end of the file"), "{e}");
        assert!(started.elapsed().as_secs_f64() < 1.0);
        let e = parse(Format::Hcl, "a = (1]\n", &Limits::default()).unwrap_err();
        assert!(e.contains("does not match"), "{e}");
        // Brackets inside strings, interpolations and comments do not count.
        let ok = "a = \"(${b[0]}]\" # )\nc = [{d = 1}]\n";
        assert!(parse(Format::Hcl, ok, &Limits::default()).is_ok(), "{ok}");
    }

    #[test]
    fn hcl_empty_heredocs_are_bounded() {
        // A heredoc whose first line is its delimiter made hcl-edit read the rest of the file
        // again: 1,000 of them took 6 s (debug).
        let text: String = (0..20_000)
            .map(|i| format!("a{i} = <<D{i}\nD{i}\n"))
            .collect();
        let message = quick("empty heredocs", || err(Format::Hcl, &text));
        assert!(message.contains("heredocs"), "{message}");
        assert_eq!(
            ok(Format::Hcl, "a = <<EOT\nEOT\nb = 1\n"),
            json!({"a": "", "b": 1})
        );
        let long = ok(Format::Hcl, "a = <<EOT\nEOT\nb = <<EOT\nx\nEOT\n");
        assert_eq!(
            long,
            hcl::from_str::<Value>("a = <<EOT\nEOT\nb = <<EOT\nx\nEOT\n").unwrap()
        );
    }

    #[test]
    fn hcl_many_attributes_convert_in_linear_time() {
        // hcl-rs's own conversion is quadratic in a body's attributes (16,000: 1.7 s, debug).
        let text: String = (0..40_000).map(|i| format!("a{i} = \"v\"\n")).collect();
        let value = quick("40,000 attributes", || ok(Format::Hcl, &text));
        assert_eq!(value.as_object().map(Map::len), Some(40_000));
        let limits = Limits {
            max_nodes: 1_000,
            ..Limits::default()
        };
        let message = err_with(Format::Hcl, &text, &limits);
        assert!(message.contains("max_nodes (1000)"), "{message}");
    }
}
