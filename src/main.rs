fn main() {
    println!("forum-tui");
}
