//! Wire types and validation of the admin forms (the same parsers could run in the
//! browser; the server always runs them).

use serde::{Deserialize, Serialize};

use crate::auth::model::{province_name, region_of_province, OrganisationKind, Role};
use crate::kernel::error::{AppError, Problem, Validation};

use crate::auth::model::MIN_PASSWORD_LENGTH;
pub const MAX_NAME_LENGTH: usize = 120;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationRow {
    pub id: i32,
    pub name: String,
    pub kind: OrganisationKind,
    pub province: Option<String>,
    pub region: String,
    pub active: bool,
    pub users: u64,
}

/// The organisation form as the browser sends it (`id` empty for a new one).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationForm {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub province: String,
    /// A checkbox: present ("on") when ticked.
    #[serde(default)]
    pub active: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidOrganisation {
    pub id: Option<i32>,
    pub name: String,
    pub kind: OrganisationKind,
    pub province: Option<String>,
    pub region: String,
    pub active: bool,
}

fn parse_id(field: &str, value: &str, checks: &mut Validation) -> Option<i32> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match value.parse::<i32>() {
        Ok(id) if id > 0 => Some(id),
        _ => {
            checks.add(field, Problem::UnknownChoice);
            None
        }
    }
}

fn check_name(field: &str, value: &str, checks: &mut Validation) -> String {
    let value = value.trim().to_string();
    if value.is_empty() {
        checks.add(field, Problem::Required);
    } else if value.chars().count() > MAX_NAME_LENGTH {
        checks.add(field, Problem::TooLong);
    }
    value
}

impl OrganisationForm {
    pub fn validate(&self) -> Result<ValidOrganisation, AppError> {
        let mut checks = Validation::default();
        let id = parse_id("id", &self.id, &mut checks);
        let name = check_name("name", &self.name, &mut checks);
        let kind = OrganisationKind::from_code(self.kind.trim());
        if kind.is_none() {
            checks.add("kind", Problem::UnknownChoice);
        }
        let province = self.province.trim().to_uppercase();
        let province = if province.is_empty() {
            None
        } else if province_name(&province).is_some() {
            Some(province)
        } else {
            checks.add("province", Problem::UnknownChoice);
            None
        };
        checks.finish()?;
        let region = province
            .as_deref()
            .and_then(region_of_province)
            .unwrap_or("Piemonte")
            .to_string();
        Ok(ValidOrganisation {
            id,
            name,
            kind: kind.unwrap_or(OrganisationKind::Partner),
            province,
            region,
            active: self.active.is_some(),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub organisation_id: i32,
    pub organisation_name: String,
    pub roles: Vec<Role>,
    pub language: Option<String>,
    pub active: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserFilter {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub organisation_id: String,
}

/// The user form as the browser sends it. Roles are one checkbox each, so that the form
/// works as plain HTML: a ticked box arrives as `Some("on")`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserForm {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub organisation_id: String,
    #[serde(default)]
    pub language: String,
    /// Required for a new user; for an existing one, a new password (ends their sessions).
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub role_administrator: Option<String>,
    #[serde(default)]
    pub role_coordinator: Option<String>,
    #[serde(default)]
    pub role_reception_manager: Option<String>,
    #[serde(default)]
    pub role_case_worker: Option<String>,
    #[serde(default)]
    pub role_outreach_worker: Option<String>,
    #[serde(default)]
    pub role_trainer: Option<String>,
    #[serde(default)]
    pub role_partner: Option<String>,
}

impl UserForm {
    pub fn roles(&self) -> Vec<Role> {
        [
            (Role::Administrator, &self.role_administrator),
            (Role::Coordinator, &self.role_coordinator),
            (Role::ReceptionManager, &self.role_reception_manager),
            (Role::CaseWorker, &self.role_case_worker),
            (Role::OutreachWorker, &self.role_outreach_worker),
            (Role::Trainer, &self.role_trainer),
            (Role::Partner, &self.role_partner),
        ]
        .into_iter()
        .filter_map(|(role, ticked)| ticked.is_some().then_some(role))
        .collect()
    }

    pub fn validate(&self) -> Result<ValidUser, AppError> {
        let mut checks = Validation::default();
        let id = parse_id("id", &self.id, &mut checks);
        let email = self.email.trim().to_lowercase();
        if email.is_empty() {
            checks.add("email", Problem::Required);
        } else if !is_plausible_email(&email) {
            checks.add("email", Problem::InvalidEmail);
        }
        let display_name = check_name("display_name", &self.display_name, &mut checks);
        let organisation_id = parse_id("organisation_id", &self.organisation_id, &mut checks);
        if self.organisation_id.trim().is_empty() {
            checks.add("organisation_id", Problem::Required);
        }
        // Empty: follow the browser's language.
        let language = Some(self.language.trim().to_string()).filter(|l| !l.is_empty());
        if language
            .as_deref()
            .is_some_and(|l| !crate::i18n::LANGUAGES.contains(&l))
        {
            checks.add("language", Problem::UnknownChoice);
        }
        let roles = self.roles();
        if roles.is_empty() {
            checks.add("roles", Problem::Required);
        }
        let password = (!self.password.is_empty()).then(|| self.password.clone());
        match &password {
            None if id.is_none() => checks.add("password", Problem::Required),
            Some(p) if p.chars().count() < MIN_PASSWORD_LENGTH => {
                checks.add("password", Problem::TooShort)
            }
            Some(p) if p.len() > 1024 => checks.add("password", Problem::TooLong),
            _ => {}
        }
        checks.finish()?;
        Ok(ValidUser {
            id,
            email,
            display_name,
            organisation_id: organisation_id.unwrap_or_default(),
            language,
            password,
            roles,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidUser {
    pub id: Option<i32>,
    pub email: String,
    pub display_name: String,
    pub organisation_id: i32,
    pub language: Option<String>,
    pub password: Option<String>,
    pub roles: Vec<Role>,
}

/// One `@`, something before it, a dot in a domain after it, no spaces: enough to catch
/// typing mistakes; the address is proved by the person signing in.
pub fn is_plausible_email(email: &str) -> bool {
    if email.len() > 254 || email.chars().any(char::is_whitespace) {
        return false;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plausible_emails() {
        assert!(is_plausible_email("operatrice@anello.test"));
        for bad in [
            "",
            "no-at.test",
            "@anello.test",
            "a@b",
            "a@.b",
            "a b@c.d",
            "a@b@c.d",
            "a@b.",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }

    #[test]
    fn organisation_form_reports_every_problem() {
        let form = OrganisationForm {
            name: " ".into(),
            kind: "bank".into(),
            province: "XX".into(),
            ..Default::default()
        };
        let AppError::Invalid { problems } = form.validate().unwrap_err() else {
            panic!()
        };
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["name", "kind", "province"]);
    }

    #[test]
    fn organisation_region_follows_province() {
        let form = OrganisationForm {
            name: "Gruppo Abele - Aosta".into(),
            kind: "implementing_body".into(),
            province: "ao".into(),
            active: Some("on".into()),
            ..Default::default()
        };
        let valid = form.validate().unwrap();
        assert_eq!(valid.region, "Valle d'Aosta");
        assert_eq!(valid.province.as_deref(), Some("AO"));
        assert!(valid.active);
    }

    #[test]
    fn new_user_needs_password_and_a_role() {
        let form = UserForm {
            email: "nuova@anello.test".into(),
            display_name: "Nuova".into(),
            organisation_id: "1".into(),
            language: "it".into(),
            ..Default::default()
        };
        let error = form.validate().unwrap_err();
        assert_eq!(error.problem_for("password"), Some(Problem::Required));
        assert_eq!(error.problem_for("roles"), Some(Problem::Required));
    }

    #[test]
    fn short_passwords_are_refused_and_roles_are_read_from_checkboxes() {
        let mut form = UserForm {
            id: "4".into(),
            email: " Nuova@Anello.TEST ".into(),
            display_name: "Nuova".into(),
            organisation_id: "1".into(),
            language: "en".into(),
            password: "short".into(),
            role_case_worker: Some("on".into()),
            role_trainer: Some("on".into()),
            ..Default::default()
        };
        assert_eq!(
            form.validate().unwrap_err().problem_for("password"),
            Some(Problem::TooShort)
        );
        form.password.clear();
        let valid = form.validate().unwrap();
        assert_eq!(valid.email, "nuova@anello.test");
        assert_eq!(valid.roles, vec![Role::CaseWorker, Role::Trainer]);
        assert_eq!(valid.password, None);
    }
}
