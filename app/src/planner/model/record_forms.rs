//! The forms of what the plan records: reviews, permits, work placements, the exit, the service catalogue.

use super::*;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewForm {
    pub held_on: String,
    pub minutes: String,
    #[serde(default)]
    pub decisions: String,
}

pub struct ValidReview {
    pub held_on: NaiveDate,
    pub minutes: String,
    pub decisions: Option<String>,
}

impl ReviewForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidReview, AppError> {
        let mut checks = Validation::default();
        let held_on = past_day("held_on", &self.held_on, today, &mut checks);
        let minutes = prose("minutes", &self.minutes, MAX_MINUTES, true, &mut checks);
        let decisions = prose(
            "decisions",
            &self.decisions,
            MAX_MINUTES,
            false,
            &mut checks,
        );
        checks.finish()?;
        Ok(ValidReview {
            held_on: held_on.unwrap_or(today),
            minutes: minutes.unwrap_or_default(),
            decisions,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermitForm {
    pub kind: String,
    #[serde(default)]
    pub applied_on: String,
    #[serde(default)]
    pub opinion_on: String,
    #[serde(default)]
    pub questura_on: String,
    #[serde(default)]
    pub issued_on: String,
    #[serde(default)]
    pub expires_on: String,
    /// The permit this one renews (its id), or empty.
    #[serde(default)]
    pub renewal_of: String,
    /// `judicial` or `social` for an art. 18 permit, or empty.
    #[serde(default)]
    pub route: String,
}

pub struct ValidPermit {
    pub kind: PermitKind,
    pub route: Option<PermitRoute>,
    pub applied_on: Option<NaiveDate>,
    pub opinion_on: Option<NaiveDate>,
    pub questura_on: Option<NaiveDate>,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub renewal_of: Option<i32>,
}

impl PermitForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidPermit, AppError> {
        let mut checks = Validation::default();
        let kind = required_choice("kind", &self.kind, PermitKind::from_code, &mut checks);
        let step = |field: &str, value: &str, checks: &mut Validation| {
            if value.trim().is_empty() {
                None
            } else {
                past_day(field, value, today, checks)
            }
        };
        let applied_on = step("applied_on", &self.applied_on, &mut checks);
        let opinion_on = step("opinion_on", &self.opinion_on, &mut checks);
        let questura_on = step("questura_on", &self.questura_on, &mut checks);
        let issued_on = step("issued_on", &self.issued_on, &mut checks);
        let expires_on = optional_day("expires_on", &self.expires_on, &mut checks);
        // The route goes forward: each step on or after the one before it.
        ordered(applied_on, opinion_on, "opinion_on", &mut checks);
        ordered(
            applied_on.or(opinion_on),
            questura_on,
            "questura_on",
            &mut checks,
        );
        ordered(
            applied_on.or(opinion_on).or(questura_on),
            issued_on,
            "issued_on",
            &mut checks,
        );
        ordered(issued_on, expires_on, "expires_on", &mut checks);
        if expires_on.is_some() && issued_on.is_none() {
            checks.add("issued_on", Problem::Required);
        }
        let renewal_of = match self.renewal_of.trim() {
            "" => None,
            value => parse_id("renewal_of", value, &mut checks),
        };
        // Only an art. 18 permit comes by the judicial or the social route.
        let route = crate::kernel::fields::optional_choice(
            "route",
            &self.route,
            PermitRoute::from_code,
            &mut checks,
        );
        if route.is_some() && kind != Some(PermitKind::Art18) {
            checks.add("route", Problem::Contradiction);
        }
        checks.finish()?;
        Ok(ValidPermit {
            kind: kind.unwrap_or(PermitKind::Other),
            route,
            applied_on,
            opinion_on,
            questura_on,
            issued_on,
            expires_on,
            renewal_of,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversionForm {
    pub converted_to: String,
    pub converted_on: String,
}

impl ConversionForm {
    pub fn validate(&self, today: NaiveDate) -> Result<(Conversion, NaiveDate), AppError> {
        let mut checks = Validation::default();
        let to = required_choice(
            "converted_to",
            &self.converted_to,
            Conversion::from_code,
            &mut checks,
        );
        let on = past_day("converted_on", &self.converted_on, today, &mut checks);
        checks.finish()?;
        Ok((to.unwrap_or(Conversion::Work), on.unwrap_or(today)))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkPlacementForm {
    pub kind: String,
    pub host_company: String,
    pub starts_on: String,
    pub ends_on: String,
    pub hours_per_week: String,
    /// Euro a month, "450" or "450,50"; empty for none.
    #[serde(default)]
    pub grant: String,
    #[serde(default)]
    pub tutor: String,
}

pub struct ValidWorkPlacement {
    pub kind: WorkKind,
    pub host_company: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub hours_per_week: i32,
    pub grant_cents: Option<i32>,
    pub tutor: Option<String>,
}

/// Euro as typed in Italy ("1.200,50" or "1200.5") into cents.
pub fn parse_euro_cents(value: &str) -> Option<i32> {
    let value = value.trim().trim_start_matches('€').trim();
    let normalised = if value.contains(',') {
        value.replace('.', "").replace(',', ".")
    } else {
        value.to_string()
    };
    let (units, cents) = match normalised.split_once('.') {
        Some((units, cents)) if !cents.is_empty() && cents.len() <= 2 => (units, cents),
        Some(_) => return None,
        None => (normalised.as_str(), "0"),
    };
    if units.is_empty()
        || !units.chars().all(|c| c.is_ascii_digit())
        || !cents.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let units: i32 = units.parse().ok()?;
    let cents: i32 = format!("{cents:0<2}").parse().ok()?;
    units.checked_mul(100)?.checked_add(cents)
}

impl WorkPlacementForm {
    pub fn validate(&self) -> Result<ValidWorkPlacement, AppError> {
        let mut checks = Validation::default();
        let kind = required_choice("kind", &self.kind, WorkKind::from_code, &mut checks);
        let host_company =
            required_text("host_company", &self.host_company, MAX_COMPANY, &mut checks);
        let starts_on = required_day("starts_on", &self.starts_on, &mut checks);
        let ends_on = required_day("ends_on", &self.ends_on, &mut checks);
        ordered(starts_on, ends_on, "ends_on", &mut checks);
        if let (Some(start), Some(end)) = (starts_on, ends_on) {
            if (end - start).num_days() > MAX_WORK_DAYS {
                checks.add("ends_on", Problem::OutOfRange);
            }
        }
        let hours_per_week = match self.hours_per_week.trim().parse::<i32>() {
            Ok(hours) if (1..=48).contains(&hours) => Some(hours),
            Ok(_) => {
                checks.add("hours_per_week", Problem::OutOfRange);
                None
            }
            Err(_) => {
                checks.add("hours_per_week", Problem::Required);
                None
            }
        };
        let grant_cents = match self.grant.trim() {
            "" => None,
            value => {
                let cents = parse_euro_cents(value);
                match cents {
                    Some(cents) if cents <= 500_000 => Some(cents),
                    _ => {
                        checks.add("grant", Problem::OutOfRange);
                        None
                    }
                }
            }
        };
        let tutor = optional_text("tutor", &self.tutor, MAX_EXTERNAL_NAME, &mut checks);
        checks.finish()?;
        Ok(ValidWorkPlacement {
            kind: kind.unwrap_or(WorkKind::Internship),
            host_company,
            starts_on: starts_on.unwrap_or_default(),
            ends_on: ends_on.unwrap_or_default(),
            hours_per_week: hours_per_week.unwrap_or(1),
            grant_cents,
            tutor,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkProgressForm {
    #[serde(default)]
    pub attendance_percent: String,
    #[serde(default)]
    pub outcome: String,
}

impl WorkProgressForm {
    pub fn validate(&self) -> Result<(Option<i32>, Option<WorkOutcome>), AppError> {
        let mut checks = Validation::default();
        let attendance = match self.attendance_percent.trim() {
            "" => None,
            value => match value.trim_end_matches('%').trim().parse::<i32>() {
                Ok(percent) if (0..=100).contains(&percent) => Some(percent),
                _ => {
                    checks.add("attendance_percent", Problem::OutOfRange);
                    None
                }
            },
        };
        let outcome = crate::kernel::fields::optional_choice(
            "outcome",
            &self.outcome,
            WorkOutcome::from_code,
            &mut checks,
        );
        checks.finish()?;
        Ok((attendance, outcome))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExitForm {
    pub outcome: String,
    pub closed_on: String,
    pub summary: String,
}

impl ExitForm {
    pub fn validate(&self, today: NaiveDate) -> Result<PlanClosing, AppError> {
        let mut checks = Validation::default();
        let outcome = required_choice("outcome", &self.outcome, PlanExit::from_code, &mut checks);
        let closed_on = past_day("closed_on", &self.closed_on, today, &mut checks);
        let summary = prose("summary", &self.summary, MAX_SUMMARY, true, &mut checks);
        checks.finish()?;
        Ok(PlanClosing {
            closed_on: closed_on.unwrap_or(today),
            outcome: outcome.unwrap_or(PlanExit::Autonomy),
            summary: summary.unwrap_or_default(),
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceForm {
    pub area: String,
    pub name_it: String,
    pub name_en: String,
}

pub struct ValidService {
    pub area: Area,
    pub name_it: String,
    pub name_en: String,
}

impl ServiceForm {
    pub fn validate(&self) -> Result<ValidService, AppError> {
        let mut checks = Validation::default();
        let area = required_choice("area", &self.area, Area::from_code, &mut checks);
        let name_it = required_text("name_it", &self.name_it, MAX_SERVICE_NAME, &mut checks);
        let name_en = required_text("name_en", &self.name_en, MAX_SERVICE_NAME, &mut checks);
        checks.finish()?;
        Ok(ValidService {
            area: area.unwrap_or(Area::Legal),
            name_it,
            name_en,
        })
    }
}

/// A catalogue code for a service added by a coordinator: its area and a slug of its
/// Italian name, made unique by the caller with a number when needed.
pub fn service_code(area: Area, name_it: &str) -> String {
    let slug: String = crate::kernel::folding::folded(name_it)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let slug = slug
        .split('_')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    let mut code = format!("{}_{}", area.code(), slug);
    code.truncate(40);
    code
}
