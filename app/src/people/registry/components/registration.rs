//! Registering a person.

use super::*;
use crate::people::components::exploitation_options;
use crate::ui::submit::Submit;

pub(super) fn nationality_options(empty: String) -> Vec<(String, String)> {
    std::iter::once((String::new(), empty))
        .chain(
            Nationality::ALL
                .iter()
                .map(|n| (n.code().to_string(), nationality_name(*n))),
        )
        .collect()
}

/// The identity fields, shared by registration and the team's "edit identity" form.
#[component]
pub(super) fn IdentityFields(
    current: Option<Identity>,
    gender: Option<Gender>,
    minor: bool,
    unaccompanied: bool,
    error: FormError,
) -> impl IntoView {
    let current = current.unwrap_or(Identity {
        given_names: String::new(),
        family_name: String::new(),
        aliases: None,
        date_of_birth: None,
        nationality: None,
        languages: None,
        documents: None,
        phone: None,
        guardian: None,
    });
    let genders = Gender::ALL
        .iter()
        .map(|g| {
            (
                g.code(),
                Signal::derive(move || gender_name(*g)),
                Some(*g) == gender,
            )
        })
        .collect();
    let nationality = current
        .nationality
        .map(|n| n.code().to_string())
        .unwrap_or_default();
    view! {
        <TextField label=move_tr!("field-given-names") name="form[given_names]" value=current.given_names required=true autocomplete="off" error />
        <TextField label=move_tr!("field-family-name") name="form[family_name]" value=current.family_name required=true autocomplete="off" error />
        <TextField label=move_tr!("field-aliases") name="form[aliases]" value=current.aliases.unwrap_or_default() hint=move_tr!("aliases-hint") autocomplete="off" error />
        <Choices legend=move_tr!("field-gender") name="form[gender]" key="gender" options=genders error />
        <TextField label=move_tr!("field-date-of-birth") name="form[date_of_birth]" kind="date" value=current.date_of_birth.map(|d| d.to_string()).unwrap_or_default() hint=move_tr!("date-of-birth-hint") error />
        <div class="field field-check">
            <input type="checkbox" id="person-declared-minor" name="form[declared_minor]" checked=minor />
            <label for="person-declared-minor">{move_tr!("field-declared-minor")}</label>
        </div>
        {move || error.get().and_then(|e| e.problem_for("declared_minor")).map(|p| view! { <p class="field-error">{problem_message(p)}</p> })}
        <div class="field field-check">
            <input type="checkbox" id="person-unaccompanied" name="form[unaccompanied]" checked=unaccompanied />
            <label for="person-unaccompanied">{move_tr!("field-unaccompanied")}</label>
        </div>
        {move || error.get().and_then(|e| e.problem_for("unaccompanied")).map(|p| view! { <p class="field-error">{problem_message(p)}</p> })}
        <TextField label=move_tr!("field-guardian") name="form[guardian]" value=current.guardian.unwrap_or_default() hint=move_tr!("guardian-hint") autocomplete="off" error />
        <SelectField label=move_tr!("field-nationality") name="form[nationality]" options=nationality_options(tr!("nationality-not-known")) selected=nationality error />
        <TextField label=move_tr!("field-languages") name="form[languages]" value=current.languages.unwrap_or_default() autocomplete="off" error />
        <TextField label=move_tr!("field-documents") name="form[documents]" value=current.documents.unwrap_or_default() hint=move_tr!("documents-hint") autocomplete="off" error />
        <TextField label=move_tr!("field-phone") name="form[phone]" kind="tel" value=current.phone.unwrap_or_default() autocomplete="off" error />
    }
}

#[component]
pub fn RegisterPersonPage() -> impl IntoView {
    let register = ServerAction::<RegisterPerson>::new();
    let error = Signal::derive(move || register.value().get().and_then(|r| r.err()));
    let exploitation = exploitation_options(&[]);
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "people-register")
        }) />
        <h1>{move_tr!("people-register")}</h1>
        <p class="lead">{move_tr!("register-intro")}</p>
        <section class="panel">
            <ActionForm action=register>
                <FormErrorSummary error />
                <IdentityFields current=None gender=None minor=false unaccompanied=false error />
                <Choices legend=move_tr!("field-exploitation") name="form[exploitation]" key="exploitation" kind="checkbox" options=exploitation error />
                <SelectField
                    label=move_tr!("field-province-in-charge")
                    name="form[province]"
                    options=PROVINCES.iter().map(|(code, name, _)| (code.to_string(), format!("{name} ({code})"))).collect()
                    required=true
                    error
                />
                <TextField label=move_tr!("field-family-head") name="form[family_head]" hint=move_tr!("family-head-hint") error />
                <div class="field field-check">
                    <input type="checkbox" id="person-consent" name="form[consent_processing]" />
                    <label for="person-consent">{move_tr!("field-consent-processing-today")}</label>
                </div>
                <div class="form-actions">
                    <Submit action=register class="button primary">
                        {move_tr!("register-submit")}
                    </Submit>
                </div>
            </ActionForm>
        </section>
    }
}
