//! Maps what the core tags (block kinds, and later fact kinds) to styles.
//! Styles never rely on colour alone, so they survive `NO_COLOR` and
//! monochrome terminals.

use ratatui::style::{Color, Modifier, Style};

use crate::document::BlockKind;

pub fn block(kind: BlockKind) -> Style {
    match kind {
        BlockKind::Title => Style::new().add_modifier(Modifier::BOLD),
        BlockKind::Heading => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        BlockKind::Byline | BlockKind::Date | BlockKind::ReadingTime => {
            Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM)
        }
        BlockKind::Chrome => Style::new().add_modifier(Modifier::DIM),
        BlockKind::Paragraph | BlockKind::ListItem => Style::new(),
    }
}

pub fn status_bar() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn help_key() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn scrollbar_thumb() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}
