// rust-embed reads content/ when the crate compiles; a new or edited tutorial must rebuild it.
fn main() {
    println!("cargo:rerun-if-changed=../../content");
}
