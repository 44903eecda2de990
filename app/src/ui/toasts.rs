//! Short confirmations ("Modifiche salvate.") in a polite live region, for changes made
//! in place in the hydrated page, which a screen reader would otherwise not hear of.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Toasts(RwSignal<Vec<(u64, String)>>);

impl Toasts {
    /// Shows a message for six seconds; the same message already on screen is not
    /// shown twice (several buttons of one list may report one success).
    pub fn push(&self, message: String) {
        if self
            .0
            .with_untracked(|list| list.iter().any(|(_, shown)| *shown == message))
        {
            return;
        }
        let id = self
            .0
            .with_untracked(|list| list.last().map_or(0, |(id, _)| id + 1));
        self.0.update(|list| list.push((id, message)));
        #[cfg(feature = "hydrate")]
        {
            let toasts = self.0;
            set_timeout(
                move || toasts.update(|list| list.retain(|(other, _)| *other != id)),
                std::time::Duration::from_secs(6),
            );
        }
    }
}

/// Gives the page its toasts (the layout, once).
pub fn provide_toasts() {
    provide_context(Toasts(RwSignal::new(Vec::new())));
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || toasts.0.get() key=|(id, _)| *id let:toast>
                <p class="toast">{toast.1}</p>
            </For>
        </div>
    }
}
