//! The charter's `certified:` key: who last re-certified the charter, when, and how often it must
//! be. Judged by CH-CHARTER-001 from the facts `input.certification` carries.

use super::date::{Date, Period};
use serde::{Deserialize, Deserializer, Serialize};

/// The charter's last re-certification. Absent (the default): the charter is not held to one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certified {
    /// Who re-certified it (a name, an email, a team). Required, not empty.
    #[serde(deserialize_with = "not_empty")]
    pub by: String,
    /// The day it was re-certified, `YYYY-MM-DD`. Required.
    pub on: Date,
    /// How often it must be: `month`, `quarter`, `half-year`, `year`, or `30d`, `6w`, `3m`, `1y`.
    /// Required.
    #[serde(deserialize_with = "period")]
    pub every: String,
    /// Hooks and `ci` warn this many days before it falls due. Default: `14`.
    #[serde(default = "fourteen")]
    pub warn_days: u32,
    /// Once it is due, `ci` warns for this many days, then fails (hooks keep warning). Default: `14`.
    #[serde(default = "fourteen")]
    pub grace_days: u32,
}

fn fourteen() -> u32 {
    14
}

impl Certified {
    /// The day the next re-certification is due.
    pub fn due(&self) -> Date {
        Period::parse(&self.every)
            .expect("validated when read")
            .after(self.on)
    }
}

fn not_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.trim().is_empty() {
        return Err(serde::de::Error::custom("must not be empty"));
    }
    Ok(s)
}

fn period<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if Period::parse(&s).is_none() {
        return Err(serde::de::Error::custom(format!(
            "`{}` is not a period; write month, quarter, half-year, year, or a count with d, w, m or y (90d, 6w, 3m, 1y)",
            s.chars().take(40).collect::<String>()
        )));
    }
    Ok(s)
}
