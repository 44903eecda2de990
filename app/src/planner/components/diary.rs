//! The case diary: dated notes of the team, some visible only to the psychologist or the legal advisor.

use super::*;
use crate::ui::submit::Submit;

#[component]
pub fn CaseDiaryPage() -> impl IntoView {
    let code = code_param();
    let add = ServerAction::<AddDiaryNote>::new();
    crate::ui::forms::fold_forms_after_success(move || add.value().get().map(|r| r.is_ok()));
    let data = Resource::new(
        move || (code.get(), add.version().get()),
        |(code, _)| fetch_diary(code),
    );
    let error = Signal::derive(move || add.value().get().and_then(|r| r.err()));
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "diary-title", { "code" => code.get() })
        }) />
        <p><a href=move || format!("/persone/{}/progetto", code.get())>{move_tr!("diary-back-to-plan")}</a></p>
        <h1>{move_tr!("diary-heading")} " " <span class="code">{move || code.get()}</span></h1>
        <p class="hint">{move_tr!("diary-intro")}</p>
        <PlanErrors error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <DiaryView page action=add /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub(super) fn DiaryView(page: DiaryPage, action: ServerAction<AddDiaryNote>) -> impl IntoView {
    let hidden = page.hidden;
    view! {
        <section class="panel" aria-labelledby="diary-new-heading">
            <h2 id="diary-new-heading">{move_tr!("diary-new")}</h2>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="code" value=page.code.clone() />
                <div class="field-pair">
                    <div class="field">
                        <label for="diary-date">{move_tr!("plan-field-written-on")}</label>
                        <input id="diary-date" type="date" name="form[written_on]" value=page.today.to_string() max=page.today.to_string() required=true />
                    </div>
                    <div class="field">
                        <label for="diary-level">{move_tr!("plan-field-level")}</label>
                        <select id="diary-level" name="form[level]" required=true aria-describedby="diary-level-hint">
                            {DiaryLevel::ALL.iter().map(|&level| view! {
                                <option value=level.code()>{move || diary_level_name(level)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <p class="hint" id="diary-level-hint">{move_tr!("diary-level-hint")}</p>
                <div class="field">
                    <label for="diary-body">{move_tr!("plan-field-body")}</label>
                    <textarea id="diary-body" name="form[body]" rows="6" required=true maxlength=MAX_DIARY_BODY.to_string()></textarea>
                </div>
                <div class="form-actions">
                    <Submit action=action class="button primary">{move_tr!("diary-add")}</Submit>
                </div>
            </ActionForm>
        </section>
        {(hidden > 0).then(|| view! { <p class="notice">{move_tr!("diary-hidden", { "count" => hidden })}</p> })}
        {if page.notes.is_empty() {
            view! { <p>{move_tr!("diary-empty")}</p> }.into_any()
        } else {
            view! {
                <ol class="diary">
                    {page.notes.into_iter().map(|note| {
                        let level = note.level;
                        view! {
                            <li class=format!("diary-note level-{}", level.code())>
                                <p class="diary-meta">
                                    {day(note.written_on)} " · " {note.author.clone()} " · "
                                    <span class="badge">{move || diary_level_name(level)}</span>
                                </p>
                                {note.body.split("\n\n").map(|paragraph| view! { <p class="prose">{paragraph.to_string()}</p> }).collect_view()}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
    }
}
