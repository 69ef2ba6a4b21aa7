//! keys.toml → providers, keys and budget lanes. Owns the keys-file lookup order, every check of
//! the file, and how a key is shown (masked) or remembered (fingerprint): never whole.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use toml::Spanned;

use crate::error::QuizError;
use crate::redact::{fingerprint, mask};

/// Groq's public endpoint, used for a lone `GROQ_API_KEY`.
pub(crate) const GROQ_BASE_URL: &str = "https://api.groq.com/openai/v1";
/// Groq's free models (late 2026); each is its own budget lane.
pub(crate) const GROQ_FREE_MODELS: [&str; 3] = [
    "openai/gpt-oss-20b",
    "openai/gpt-oss-120b",
    "qwen/qwen3.6-27b",
];

/// Per-organization, per-model limits. `None` means "not said": learned or defaulted later.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub rpm: Option<u64>,
    pub rpd: Option<u64>,
    pub tpm: Option<u64>,
    pub tpd: Option<u64>,
}

impl Limits {
    /// Groq's free tier, the default when nothing else is known.
    pub const GROQ_FREE: Limits = Limits {
        rpm: Some(30),
        rpd: Some(1000),
        tpm: Some(8000),
        tpd: Some(200_000),
    };

    /// Fields of `self` where given, else those of `other`.
    #[must_use]
    pub fn or(self, other: Limits) -> Limits {
        Limits {
            rpm: self.rpm.or(other.rpm),
            rpd: self.rpd.or(other.rpd),
            tpm: self.tpm.or(other.tpm),
            tpd: self.tpd.or(other.tpd),
        }
    }
}

/// USD per million tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    #[serde(default)]
    pub input: f64,
    #[serde(default)]
    pub output: f64,
}

/// Whether a base URL is Groq's own API, whose free tier's limits are known (docs/providers.md).
pub(crate) fn has_groq_free_tier(base_url: &str) -> bool {
    reqwest::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .is_some_and(|h| h == "api.groq.com")
}

pub use crate::dialect::Dialect;

/// One API key, held as a secret. Shown masked, remembered by fingerprint.
#[derive(Debug, Clone)]
pub struct ApiKey {
    secret: SecretString,
    /// `gsk_…a1b2`
    pub masked: String,
    /// A short hash of the key: what state and the bank remember.
    pub fingerprint: String,
    /// The organization whose budget this key spends.
    pub org: String,
}

impl ApiKey {
    pub fn new(secret: String, org: Option<String>) -> ApiKey {
        let masked = mask(&secret);
        let fingerprint = fingerprint(&secret);
        let org = org.unwrap_or_else(|| format!("key {masked}"));
        ApiKey {
            secret: SecretString::from(secret),
            masked,
            fingerprint,
            org,
        }
    }

    pub fn expose(&self) -> &str {
        self.secret.expose_secret()
    }
}

/// One provider of keys.toml, checked.
#[derive(Debug, Clone)]
pub struct Provider {
    pub name: String,
    pub base_url: String,
    pub models: Vec<String>,
    pub keys: Vec<ApiKey>,
    pub limits: Limits,
    pub price: Option<Price>,
    /// Prices of single models, over `price`.
    pub model_prices: BTreeMap<String, Price>,
    pub dialect: Dialect,
}

impl Provider {
    /// The price of one model: its own, else the provider's.
    pub fn price_of(&self, model: &str) -> Option<Price> {
        self.model_prices.get(model).copied().or(self.price)
    }
}

/// Everything keys.toml said, checked, plus where it came from.
#[derive(Debug, Clone)]
pub struct KeysConfig {
    pub providers: Vec<Provider>,
    /// The file, or a description such as "`GROQ_API_KEY`".
    pub origin: String,
    /// Non-fatal findings (a readable keys file): printed once by the caller.
    pub warnings: Vec<String>,
}

impl KeysConfig {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeysFile {
    #[serde(default)]
    providers: Vec<Spanned<ProviderToml>>,
    /// Read by `defaults` (flags' defaults) and `serve_tokens`; `state` is for a later command.
    #[serde(default, rename = "defaults")]
    _defaults: Option<toml::Value>,
    #[serde(default, rename = "serve")]
    _serve: Option<toml::Value>,
    #[serde(default, rename = "state")]
    _state: Option<toml::Value>,
}

/// keys.toml's `[defaults]`: what the flags default to when not given.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Defaults {
    pub count: Option<u32>,
    pub format: Option<crate::export::Format>,
    pub difficulty: Option<crate::spec::Difficulty>,
    pub language: Option<String>,
    pub concurrency: Option<crate::spec::Concurrency>,
    pub verify: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultsToml {
    count: Option<Spanned<i64>>,
    format: Option<Spanned<String>>,
    difficulty: Option<Spanned<String>>,
    language: Option<String>,
    concurrency: Option<Spanned<toml::Value>>,
    verify: Option<bool>,
}

#[derive(Deserialize)]
struct DefaultsOnly {
    defaults: Option<DefaultsToml>,
}

/// The `[defaults]` of the keys file the lookup finds, if any. A file that cannot be read or
/// parsed gives no defaults here (loading the keys reports it, when keys are needed); a
/// `[defaults]` table with a mistake is an error naming the file, line and field.
pub(crate) fn defaults(flag: Option<&Path>) -> Result<Defaults> {
    let Some(path) = find_keys_file(flag) else {
        return Ok(Defaults::default());
    };
    let Ok(text) = crate::error::read_text(&path, MAX_KEYS_BYTES) else {
        return Ok(Defaults::default());
    };
    parse_defaults(&text, &path.display().to_string())
}

/// Parses the `[defaults]` table of keys.toml text.
pub(crate) fn parse_defaults(text: &str, shown: &str) -> Result<Defaults> {
    if text.parse::<toml::Table>().is_err() {
        return Ok(Defaults::default());
    }
    let lines = Lines::new(text);
    let at = |offset: usize| format!("{shown}:{}", lines.of(offset));
    // The text is valid TOML, so an error here is a mistake inside [defaults].
    let file = toml::from_str::<DefaultsOnly>(text).map_err(|e| {
        let line = e.span().map_or_else(|| shown.to_owned(), |s| at(s.start));
        // The field is what stands before `=` on that line.
        let field = e
            .span()
            .and_then(|s| text[..s.start.min(text.len())].rsplit('\n').next())
            .and_then(|l| l.split('=').next())
            .map(str::trim)
            .filter(|f| !f.is_empty() && !f.starts_with('['))
            .map_or_else(String::new, |f| format!(" {f}"));
        QuizError::Config(format!(
            "{line}: [defaults]{field}: {}",
            mask_values(e.message().trim())
        ))
    })?;
    let Some(raw) = file.defaults else {
        return Ok(Defaults::default());
    };
    let bad = |field: &str, span: std::ops::Range<usize>, why: &str| -> anyhow::Error {
        QuizError::Config(format!("{}: [defaults] {field}: {why}", at(span.start))).into()
    };
    let mut d = Defaults {
        language: raw.language.filter(|l| !l.trim().is_empty()),
        verify: raw.verify,
        ..Defaults::default()
    };
    if let Some(c) = raw.count {
        let n = u32::try_from(*c.get_ref())
            .ok()
            .filter(|n| (1..=10_000).contains(n));
        d.count = Some(n.ok_or_else(|| bad("count", c.span(), "a number from 1 to 10000"))?);
    }
    if let Some(f) = raw.format {
        use clap::ValueEnum;
        let v = crate::export::Format::from_str(f.get_ref(), true);
        d.format = Some(v.map_err(|_| {
            bad(
                "format",
                f.span(),
                "not a format quizgen writes (see --help)",
            )
        })?);
    }
    if let Some(f) = raw.difficulty {
        use clap::ValueEnum;
        let v = crate::spec::Difficulty::from_str(f.get_ref(), true);
        d.difficulty =
            Some(v.map_err(|_| bad("difficulty", f.span(), "easy, medium, hard, mixed or any"))?);
    }
    if let Some(c) = raw.concurrency {
        let s = match c.get_ref() {
            toml::Value::String(s) => s.clone(),
            v => v.to_string(),
        };
        let v = s.parse::<crate::spec::Concurrency>();
        d.concurrency = Some(v.map_err(|why| bad("concurrency", c.span(), &why))?);
    }
    Ok(d)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProviderToml {
    name: String,
    base_url: Spanned<String>,
    #[serde(default)]
    models: Vec<String>,
    model: Option<String>,
    keys: Spanned<Vec<Spanned<KeyToml>>>,
    limits: Option<Limits>,
    price: Option<Price>,
    /// `model_prices = { "openai/gpt-oss-120b" = { input = 0.15, output = 0.6 } }`
    #[serde(default)]
    model_prices: BTreeMap<String, Price>,
    dialect: Option<Dialect>,
}

/// A key: `"gsk_..."`, `"env:NAME"` or `{ key = "...", org = "..." }`.
enum KeyToml {
    Plain(String),
    Table(KeyTable),
}

impl<'de> Deserialize<'de> for KeyToml {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = KeyToml;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key string or a table { key = \"...\", org = \"...\" }")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<KeyToml, E> {
                Ok(KeyToml::Plain(v.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<KeyToml, A::Error> {
                KeyTable::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(KeyToml::Table)
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyTable {
    key: String,
    org: Option<String>,
}

/// Where the keys come from, in the contract's order. `None`: no file anywhere.
pub(crate) fn find_keys_file(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = flag {
        return Some(p.to_owned());
    }
    if let Some(p) = std::env::var_os("QUIZGEN_KEYS").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let local = PathBuf::from("keys.toml");
    if local.is_file() {
        return Some(local);
    }
    let home = directories::BaseDirs::new()?
        .home_dir()
        .join(".config/quizgen/keys.toml");
    home.is_file().then_some(home)
}

/// Loads the keys the contract's lookup finds: a file, else a lone `GROQ_API_KEY`.
/// `Ok(None)` means no key anywhere.
pub(crate) fn load(flag: Option<&Path>) -> Result<Option<KeysConfig>> {
    if let Some(path) = find_keys_file(flag) {
        return load_file(&path).map(Some);
    }
    match std::env::var("GROQ_API_KEY") {
        Ok(key) if !key.trim().is_empty() => Ok(Some(KeysConfig {
            providers: vec![Provider {
                name: "groq".into(),
                base_url: GROQ_BASE_URL.into(),
                models: GROQ_FREE_MODELS.iter().map(|m| (*m).to_owned()).collect(),
                keys: vec![{
                    crate::redact::register_secret(key.trim());
                    ApiKey::new(key.trim().to_owned(), None)
                }],
                limits: Limits::default(),
                price: Some(Price::default()),
                model_prices: BTreeMap::new(),
                dialect: Dialect::Groq,
            }],
            origin: "GROQ_API_KEY".into(),
            warnings: Vec::new(),
        })),
        _ => Ok(None),
    }
}

/// The message for "no key anywhere", saying how to add one.
pub(crate) fn no_keys_message() -> String {
    "no API key found: pass --keys FILE, set QUIZGEN_KEYS, create ./keys.toml or \
     ~/.config/quizgen/keys.toml (see keys.example.toml), or export GROQ_API_KEY; \
     or use --from FILE --offline to make questions from a text with no key"
        .to_owned()
}

/// Largest keys file read.
pub(crate) const MAX_KEYS_BYTES: u64 = 1024 * 1024;

/// Reads and checks one keys file.
pub(crate) fn load_file(path: &Path) -> Result<KeysConfig> {
    let shown = path.display().to_string();
    let text = crate::error::read_text(path, MAX_KEYS_BYTES)?;
    let mut warnings = Vec::new();
    if let Some(w) = permission_warning(path) {
        warnings.push(w);
    }
    let mut providers = parse_keys(&text, &shown)?;
    for p in &mut providers {
        p.keys.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    }
    Ok(KeysConfig {
        providers,
        origin: shown,
        warnings,
    })
}

/// Parses keys.toml text; `shown` names the file in messages. Linear in the file's size:
/// positions come from the parser's spans, looked up in one table of line starts.
pub fn parse_keys(text: &str, shown: &str) -> Result<Vec<Provider>> {
    let lines = Lines::new(text);
    let file: KeysFile = toml::from_str(text).map_err(|e| {
        let msg = mask_values(e.message().trim());
        match e.span() {
            Some(s) => QuizError::Config(format!("{shown}:{}: {msg}", lines.of(s.start))),
            None => QuizError::Config(format!("{shown}: {msg}")),
        }
    })?;
    if file.providers.is_empty() {
        return Err(QuizError::Config(format!(
            "{shown}: no [[providers]] section: add at least one (see keys.example.toml)"
        ))
        .into());
    }
    let mut out = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for p in file.providers {
        let at = |offset: usize| format!("{shown}:{}", lines.of(offset));
        let here = at(p.span().start);
        let p = p.into_inner();
        if !names.insert(p.name.clone()) {
            return Err(QuizError::Config(format!(
                "{here}: providers.name: \"{}\" is used twice; give each provider its own name",
                p.name
            ))
            .into());
        }
        out.push(check_provider(p, &here, &at)?);
    }
    Ok(out)
}

/// Line numbers of byte offsets, from one pass over the text.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// 1-based line of a byte offset.
    fn of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

/// Field names the TOML parser may quote in a message: everything else quoted is a value,
/// and a value may be a key put in the wrong place, so it is masked.
const FIELD_NAMES: [&str; 14] = [
    "providers",
    "name",
    "base_url",
    "models",
    "model",
    "keys",
    "key",
    "org",
    "limits",
    "price",
    "model_prices",
    "dialect",
    "input",
    "output",
];

/// Masks every quoted value (`"..."` or `` `...` ``) in a parser message, keeping field names
/// and the list of what was expected.
fn mask_values(msg: &str) -> String {
    let (found, expected) = msg.split_at(msg.find(", expected").unwrap_or(msg.len()));
    let mut out = String::with_capacity(msg.len());
    let mut rest = found;
    while let Some(i) = rest.find(['"', '`']) {
        let q = &rest[i..=i];
        out.push_str(&rest[..=i]);
        rest = &rest[i + 1..];
        let Some(j) = rest.find(q) else { break };
        let inner = &rest[..j];
        let keep =
            FIELD_NAMES.contains(&inner) || inner.chars().count() < 8 || is_plain_word(inner);
        out.push_str(if keep { inner } else { "" });
        if !keep {
            out.push_str(&mask(inner));
        }
        out.push_str(q);
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    out.push_str(expected);
    crate::redact::mask_secrets(&out)
}

/// A short lowercase word (a mistyped dialect such as `mistrall`): no key is written so, so it
/// is shown as typed.
fn is_plain_word(s: &str) -> bool {
    s.len() < 24
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
}

/// A name, organization or model that looks like an API key is refused: it would be shown in
/// messages and `stats`, and stored in the state.
fn refuse_key_like(at: &str, field: &str, value: &str) -> Result<()> {
    if crate::redact::looks_like_key(value) {
        return Err(QuizError::Config(format!(
            "{at}: {field} looks like an API key (\"{}\"); keys belong in keys = [...]",
            mask(value)
        ))
        .into());
    }
    Ok(())
}

fn check_provider(
    p: ProviderToml,
    at: &str,
    line_at: &dyn Fn(usize) -> String,
) -> Result<Provider> {
    let name = &p.name;
    refuse_key_like(at, "providers.name", name)?;
    if name.trim().is_empty() {
        return Err(QuizError::Config(format!("{at}: providers.name is empty")).into());
    }
    check_base_url(p.base_url.get_ref()).map_err(|why| {
        QuizError::Config(format!(
            "{}: base_url of provider \"{name}\": {why}",
            line_at(p.base_url.span().start)
        ))
    })?;
    let mut models = p.models;
    if let Some(m) = p.model {
        models.push(m);
    }
    models.retain(|m| !m.trim().is_empty());
    models.dedup();
    for m in &models {
        refuse_key_like(at, &format!("a model of provider \"{name}\""), m)?;
    }
    if models.is_empty() {
        return Err(QuizError::Config(format!(
            "{at}: provider \"{name}\" names no model: add models = [\"...\"] or model = \"...\""
        ))
        .into());
    }
    let keys_at = line_at(p.keys.span().start);
    if p.keys.get_ref().is_empty() {
        return Err(QuizError::Config(format!(
            "{keys_at}: keys of provider \"{name}\" is empty: list at least one key"
        ))
        .into());
    }
    let mut keys = Vec::new();
    for k in p.keys.into_inner() {
        let line = line_at(k.span().start);
        let (raw, org) = match k.into_inner() {
            KeyToml::Plain(s) => (s, None),
            KeyToml::Table(t) => (t.key, t.org.filter(|o| !o.trim().is_empty())),
        };
        if let Some(o) = &org {
            refuse_key_like(&line, "org", o)?;
        }
        let secret = resolve_key(&raw).map_err(|why| {
            QuizError::Config(format!("{line}: key of provider \"{name}\": {why}"))
        })?;
        crate::redact::register_secret(&secret);
        let mut key = ApiKey::new(secret, org.clone());
        // Keys without `org` are each their own organization, told apart by fingerprint when
        // their masked forms match (`gsk_…a1b2` twice).
        if org.is_none()
            && keys
                .iter()
                .any(|k: &ApiKey| k.org == key.org && k.fingerprint != key.fingerprint)
        {
            key.org = format!(
                "key {} {}",
                key.masked,
                &key.fingerprint[..key.fingerprint.len().min(6)]
            );
        }
        keys.push(key);
    }
    let base_url = p.base_url.into_inner();
    let dialect = p.dialect.unwrap_or_else(|| Dialect::guess(&base_url));
    Ok(Provider {
        name: p.name,
        base_url: base_url.trim_end_matches('/').to_owned(),
        models,
        keys,
        limits: p.limits.unwrap_or_default(),
        price: p.price,
        model_prices: p.model_prices,
        dialect,
    })
}

/// The access tokens of `quizgen serve`: `[serve] tokens = ["env:NAME", ...]` in the keys file
/// (empty when there is no file or no such table). Each is registered as a secret, so no
/// message ever shows it.
pub(crate) fn serve_tokens(flag: Option<&Path>) -> Result<Vec<String>> {
    let Some(path) = find_keys_file(flag) else {
        return Ok(Vec::new());
    };
    let shown = path.display().to_string();
    let text = crate::error::read_text(&path, MAX_KEYS_BYTES)?;
    let Ok(table) = text.parse::<toml::Table>() else {
        return Ok(Vec::new());
    };
    let Some(serve) = table.get("serve") else {
        return Ok(Vec::new());
    };
    let tokens = serve
        .get("tokens")
        .map(|t| {
            t.as_array().ok_or_else(|| {
                QuizError::Config(format!(
                    "{shown}: [serve] tokens: a list of strings (\"env:NAME\")"
                ))
            })
        })
        .transpose()?
        .cloned()
        .unwrap_or_default();
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let raw = t.as_str().ok_or_else(|| {
            QuizError::Config(format!(
                "{shown}: [serve] tokens[{i}]: a string (\"env:NAME\")"
            ))
        })?;
        let token = resolve_key(raw)
            .map_err(|why| QuizError::Config(format!("{shown}: [serve] tokens[{i}]: {why}")))?;
        crate::redact::register_secret(&token);
        out.push(token);
    }
    Ok(out)
}

/// The shared database of keys.toml's `[state] url = "env:NAME"` (or the URL itself), if the
/// keys file (`flag`, else the one the lookup finds) has one.
pub(crate) fn state_url(flag: Option<&Path>) -> Result<Option<String>> {
    let Some(path) = find_keys_file(flag) else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    let Ok(text) = crate::error::read_text(&path, MAX_KEYS_BYTES) else {
        return Ok(None);
    };
    let Ok(table) = text.parse::<toml::Table>() else {
        return Ok(None);
    };
    let Some(state) = table.get("state") else {
        return Ok(None);
    };
    let where_ = format!("{shown}: [state] url");
    let Some(raw) = state.get("url") else {
        return Ok(None);
    };
    let raw = raw
        .as_str()
        .ok_or_else(|| QuizError::Config(format!("{where_}: a string (\"env:NAME\")")))?;
    let url = resolve_key(raw).map_err(|why| QuizError::Config(format!("{where_}: {why}")))?;
    check_database_url(&url, &where_).map(Some)
}

/// A database URL as quizgen takes it: `postgres://` or `postgresql://`, its password (if
/// any) registered as a secret so no message shows it.
pub(crate) fn check_database_url(url: &str, from: &str) -> Result<String> {
    let url = url.trim();
    let parsed = url::Url::parse(url).map_err(|e| {
        QuizError::Config(format!(
            "{from}: not a URL ({e}): expected postgresql://user:password@host:port/database"
        ))
    })?;
    if let Some(pw) = parsed.password() {
        // As written in the URL, and percent-decoded (as a driver's message may show it).
        crate::redact::register_secret(pw);
        let query = format!("p={pw}");
        if let Some((_, decoded)) = url::form_urlencoded::parse(query.as_bytes()).next() {
            crate::redact::register_secret(&decoded);
        }
    }
    if !matches!(parsed.scheme(), "postgres" | "postgresql") {
        return Err(QuizError::Config(format!(
            "{from}: a {}: URL: only PostgreSQL is supported (postgresql://user:password@host:port/database)",
            parsed.scheme()
        ))
        .into());
    }
    Ok(url.to_owned())
}

/// `env:NAME` reads the environment; anything else is the key itself.
fn resolve_key(raw: &str) -> std::result::Result<String, String> {
    let raw = raw.trim();
    if let Some(var) = raw.strip_prefix("env:") {
        return match std::env::var(var) {
            Ok(v) if !v.trim().is_empty() => Ok(v.trim().to_owned()),
            Ok(_) => Err(format!("environment variable {var} is empty")),
            Err(_) => Err(format!("environment variable {var} is not set")),
        };
    }
    if raw.is_empty() {
        return Err("the key is an empty string".into());
    }
    Ok(raw.to_owned())
}

/// https anywhere; http only to this machine (a local Ollama or a test server).
pub(crate) fn check_base_url(url: &str) -> std::result::Result<(), String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| {
        format!(
            "\"{}\" is not a URL ({e})",
            crate::redact::mask_secrets(url)
        )
    })?;
    match parsed.scheme() {
        "https" => Ok(()),
        "http" => {
            let loopback = match parsed.host() {
                Some(url::Host::Domain(d)) => d == "localhost",
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                None => false,
            };
            if loopback {
                Ok(())
            } else {
                Err(format!(
                    "\"{url}\" uses http:// to another machine; keys would travel in clear text: use https://"
                ))
            }
        }
        other => Err(format!("\"{url}\" has scheme {other}:// (use https://)")),
    }
}

/// A keys file others can read gets a warning, as ssh does.
fn permission_warning(path: &Path) -> Option<String> {
    crate::datadir::open_to_others(path, "keys file", "", "600")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_only_ends() {
        assert_eq!(mask("gsk_abcdefghijklmnopa1b2"), "gsk_…a1b2");
        assert_eq!(mask("short1"), "…t1");
        assert_eq!(mask("abc"), "…");
    }

    #[test]
    fn http_is_only_for_loopback() {
        assert!(check_base_url("http://127.0.0.1:8080/v1").is_ok());
        assert!(check_base_url("http://localhost:11434/v1").is_ok());
        assert!(check_base_url("http://[::1]:9/v1").is_ok());
        assert!(check_base_url("https://api.groq.com/openai/v1").is_ok());
        assert!(check_base_url("http://api.groq.com/openai/v1").is_err());
        assert!(check_base_url("http://10.0.0.2/v1").is_err());
        assert!(check_base_url("not a url").is_err());
    }

    #[test]
    fn defaults_table_is_read_and_checked() {
        let text = "[defaults]\ncount = 25\nformat = \"moodle-xml\"\ndifficulty = \"any\"\nlanguage = \"French\"\nconcurrency = \"auto\"\n\n[[providers]]\nname = \"g\"\nbase_url = \"https://x.example/v1\"\nmodel = \"m\"\nkeys = [\"k1234567890123\"]\n";
        let d = parse_defaults(text, "k.toml").unwrap();
        assert_eq!(d.count, Some(25));
        assert_eq!(d.format, Some(crate::export::Format::MoodleXml));
        assert_eq!(d.difficulty, Some(crate::spec::Difficulty::Any));
        assert_eq!(d.language.as_deref(), Some("French"));
        assert_eq!(d.concurrency, Some(crate::spec::Concurrency::Auto));
        assert!(
            parse_keys(text, "k.toml").is_ok(),
            "the keys still load beside [defaults]"
        );
        let e = parse_defaults("[defaults]\ncount = 0\n", "k.toml").unwrap_err();
        assert!(
            e.to_string().starts_with("k.toml:2: [defaults] count"),
            "{e}"
        );
        let e = parse_defaults("[defaults]\nformat = \"pdf\"\n", "k.toml").unwrap_err();
        assert!(e.to_string().contains("format"), "{e}");
        let e = parse_defaults("[defaults]\ncolour = 1\n", "k.toml").unwrap_err();
        assert!(e.to_string().contains("colour"), "{e}");
        assert_eq!(
            parse_defaults("not toml [", "k.toml").unwrap(),
            Defaults::default()
        );
    }

    #[test]
    fn keys_alike_at_their_ends_are_two_organizations_and_dialects_are_named_or_guessed() {
        let text = "[[providers]]\nname = \"g\"\nbase_url = \"https://api.mistral.ai/v1\"\nmodel = \"m\"\nkeys = [\"gsk_first_key_a1b2\", \"gsk_other_key_a1b2\"]\n";
        let p = &parse_keys(text, "k.toml").unwrap()[0];
        assert_eq!(p.keys[0].masked, p.keys[1].masked);
        assert_ne!(p.keys[0].org, p.keys[1].org);
        assert_eq!(p.dialect, Dialect::Mistral);
        let named = text.replace("model =", "dialect = \"lmstudio\"\nmodel =");
        assert_eq!(
            parse_keys(&named, "k.toml").unwrap()[0].dialect,
            Dialect::Lmstudio
        );
        let wrong = text.replace("model =", "dialect = \"mistrall\"\nmodel =");
        let err = parse_keys(&wrong, "k.toml").unwrap_err().to_string();
        assert!(err.starts_with("k.toml:4"), "{err}");
        assert!(err.contains("`mistrall`"), "{err}");
        let key = text.replace("model =", "dialect = \"Xk7QpL2mZr9v\"\nmodel =");
        let err = parse_keys(&key, "k.toml").unwrap_err().to_string();
        assert!(!err.contains("Xk7QpL2mZr9v"), "{err}");
    }

    #[test]
    fn unknown_field_names_line() {
        let text = "[[providers]]\nname = \"g\"\nbase_url = \"https://x.example/v1\"\nmodel = \"m\"\nkeys = [\"k1234567890123\"]\ncolour = 1\n";
        let err = parse_keys(text, "k.toml").unwrap_err().to_string();
        assert!(err.starts_with("k.toml:6:"), "{err}");
        assert!(err.contains("colour"), "{err}");
    }

    #[test]
    fn keys_of_one_org_share_it_and_others_get_their_own() {
        let text = "[[providers]]\nname = \"g\"\nbase_url = \"https://x.example/v1\"\nmodels = [\"a\", \"b\"]\nkeys = [{ key = \"k1234567890123\", org = \"o\" }, { key = \"k9999999999999\", org = \"o\" }, \"k5555555555555\"]\n";
        let p = &parse_keys(text, "k.toml").unwrap()[0];
        assert_eq!(p.keys[0].org, "o");
        assert_eq!(p.keys[1].org, "o");
        assert_eq!(p.keys[2].org, "key k123…5555".replace("k123", "k555"));
        assert_eq!(p.models, vec!["a", "b"]);
    }
}
