//! A document's bytes sealed at rest: XChaCha20-Poly1305 (RustCrypto's
//! `chacha20poly1305`) under a key derived from `ANELLO_DOCUMENTS_KEY`, a fresh random
//! 24-byte nonce per file, and the person's id and the document's kind bound as
//! associated data, so that sealed bytes copied onto another person's row do not open.
//! A database dump or a backup holds nothing readable without the key. Each row keeps
//! the `key_id` (a hash of the key, not the key) it was sealed under: a replica started
//! with another key says so rather than answering garbage.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::kernel::error::AppError;
use crate::state::DocumentsKey;

/// An error that stops a document being sealed or opened: logged (never the bytes),
/// and answered as an internal error.
fn failure(what: &'static str) -> AppError {
    tracing::error!(what, "person document");
    AppError::Internal
}

/// The sealed bytes of a file and what opens them again (with the key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub key_id: String,
    pub nonce: Vec<u8>,
    pub bytes: Vec<u8>,
}

/// The cipher's key and the key's public name, both derived (domain-separated) from
/// the configured secret.
fn derive(key: &DocumentsKey) -> ([u8; 32], String) {
    let cipher_key: [u8; 32] = Sha256::new()
        .chain_update(b"anello documents sealing key v1\0")
        .chain_update(key.bytes())
        .finalize()
        .into();
    let key_id: String = Sha256::new()
        .chain_update(b"anello documents key id v1\0")
        .chain_update(key.bytes())
        .finalize()
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    (cipher_key, key_id)
}

/// Whose document a seal is, of which kind and kept to whom: bound to the seal besides
/// the key, so that a row edited by hand to open it to more people, or sealed bytes
/// copied onto another person's row, do not open.
#[derive(Clone, Copy, Debug)]
pub struct Binding<'a> {
    pub person_id: i32,
    pub kind: &'a str,
    pub confidentiality: &'a str,
}

fn bound_to(binding: Binding<'_>) -> Vec<u8> {
    format!(
        "person={};kind={};confidentiality={}",
        binding.person_id, binding.kind, binding.confidentiality
    )
    .into_bytes()
}

pub fn seal(key: &DocumentsKey, binding: Binding<'_>, plain: &[u8]) -> Result<Sealed, AppError> {
    let (cipher_key, key_id) = derive(key);
    let cipher = XChaCha20Poly1305::new(&cipher_key.into());
    let mut nonce = [0u8; 24];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let aad = bound_to(binding);
    let bytes = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: &aad,
            },
        )
        .map_err(|_| failure("document sealing failed"))?;
    Ok(Sealed {
        key_id,
        nonce: nonce.to_vec(),
        bytes,
    })
}

/// The file's bytes, if `key` is the one that sealed them and nothing was changed.
/// Anything else is an internal error (logged without the bytes): the file cannot be
/// served, and the operator has to restore the right key.
pub fn open(
    key: &DocumentsKey,
    binding: Binding<'_>,
    sealed: &Sealed,
) -> Result<Vec<u8>, AppError> {
    let (cipher_key, key_id) = derive(key);
    if sealed.key_id != key_id {
        return Err(failure(
            "document sealed under another ANELLO_DOCUMENTS_KEY",
        ));
    }
    if sealed.nonce.len() != 24 {
        return Err(failure("document nonce of the wrong length"));
    }
    let cipher = XChaCha20Poly1305::new(&cipher_key.into());
    let aad = bound_to(binding);
    cipher
        .decrypt(
            XNonce::from_slice(&sealed.nonce),
            Payload {
                msg: &sealed.bytes,
                aad: &aad,
            },
        )
        .map_err(|_| failure("document failed its integrity check"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> DocumentsKey {
        DocumentsKey::new("a-test-documents-key-of-more-than-32-characters")
    }

    fn hers(person_id: i32, kind: &'static str) -> Binding<'static> {
        Binding {
            person_id,
            kind,
            confidentiality: "team",
        }
    }

    #[test]
    fn sealed_bytes_open_with_the_key_and_say_nothing_without_it() {
        let plain = b"%PDF-1.4 consenso informato firmato";
        let sealed = seal(&key(), hers(7, "consent"), plain).unwrap();
        assert_eq!(sealed.nonce.len(), 24);
        assert!(!sealed.bytes.windows(8).any(|window| window == b"consenso"));
        assert_eq!(open(&key(), hers(7, "consent"), &sealed).unwrap(), plain);
        // The same file sealed twice looks different (fresh nonce).
        assert_ne!(
            seal(&key(), hers(7, "consent"), plain).unwrap().bytes,
            sealed.bytes
        );
    }

    #[test]
    fn another_key_another_person_or_a_changed_byte_do_not_open() {
        let sealed = seal(&key(), hers(7, "consent"), b"bytes").unwrap();
        let other = DocumentsKey::new("another-documents-key-of-more-than-32-characters");
        assert!(open(&other, hers(7, "consent"), &sealed).is_err());
        assert!(open(&key(), hers(8, "consent"), &sealed).is_err());
        assert!(open(&key(), hers(7, "medical"), &sealed).is_err());
        let widened = Binding {
            confidentiality: "restricted",
            ..hers(7, "consent")
        };
        assert!(open(&key(), widened, &sealed).is_err());
        let mut changed = sealed.clone();
        changed.bytes[0] ^= 1;
        assert!(open(&key(), hers(7, "consent"), &changed).is_err());
    }
}
