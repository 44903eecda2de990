//! The two notices every page's footer links to, readable without signing in: how the
//! network treats the personal data of the people who use Anello (GDPR art. 13–14, for
//! staff users; the people in its care are informed by their operators, with the consent
//! recorded in their file), and the accessibility statement (Law 4/2004, AgID's model).

pub mod components;
