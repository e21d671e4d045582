//! HTML report rendered in a real headless browser (being written).
