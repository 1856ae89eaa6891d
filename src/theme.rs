//! Maps what the core tags (block kinds, fact kinds, selection) to styles.
//!
//! Styles never rely on colour alone, so they survive `NO_COLOR` and
//! monochrome terminals: facts are underlined (people also bold,
//! organizations also italic), figures bold, the selection reversed, and the
//! current mention reversed, bold and underlined. Colours come from a
//! [`Palette`] the user may change in the config file; the defaults are the
//! 16 ANSI colours, which every colour terminal has.

use ratatui::style::{Color, Modifier, Style};

use crate::document::BlockKind;
use crate::index::Section;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub person: Color,
    pub organization: Color,
    pub place: Color,
    pub figure: Color,
    pub heading: Color,
    /// Background of the mention jumped to.
    pub current: Color,
    /// Background of search matches.
    pub search: Color,
    /// Keys in the help screen.
    pub keys: Color,
}

impl Default for Palette {
    fn default() -> Palette {
        Palette {
            person: Color::LightCyan,
            organization: Color::LightMagenta,
            place: Color::LightGreen,
            figure: Color::LightYellow,
            heading: Color::Yellow,
            current: Color::LightYellow,
            search: Color::Yellow,
            keys: Color::Cyan,
        }
    }
}

impl Palette {
    /// Terminals without true colour get the nearest of the 256 colours.
    pub fn for_terminal(mut self, truecolor: bool) -> Palette {
        if !truecolor {
            for c in [
                &mut self.person,
                &mut self.organization,
                &mut self.place,
                &mut self.figure,
                &mut self.heading,
                &mut self.current,
                &mut self.search,
                &mut self.keys,
            ] {
                *c = to_256(*c);
            }
        }
        self
    }

    pub fn block(&self, kind: BlockKind) -> Style {
        match kind {
            BlockKind::Title => Style::new().add_modifier(Modifier::BOLD),
            BlockKind::Heading => Style::new().fg(self.heading).add_modifier(Modifier::BOLD),
            BlockKind::Byline | BlockKind::Date | BlockKind::ReadingTime | BlockKind::Site => {
                Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM)
            }
            BlockKind::Chrome => Style::new().add_modifier(Modifier::DIM),
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::TableRow => Style::new(),
            BlockKind::TableHeader => Style::new().add_modifier(Modifier::BOLD),
            BlockKind::Quote => Style::new().add_modifier(Modifier::ITALIC),
            BlockKind::Code => Style::new().fg(Color::Gray),
        }
    }

    /// A fact in the text, by its sidebar section.
    pub fn fact(&self, section: Section) -> Style {
        match section {
            Section::People => Style::new()
                .fg(self.person)
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            Section::Organizations => Style::new()
                .fg(self.organization)
                .add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
            Section::Places => Style::new()
                .fg(self.place)
                .add_modifier(Modifier::UNDERLINED),
            Section::Figures | Section::Dates => {
                Style::new().fg(self.figure).add_modifier(Modifier::BOLD)
            }
        }
    }

    /// The mention (or match) jumped to stands out most.
    pub fn current(&self) -> Style {
        Style::new()
            .fg(Color::Black)
            .bg(self.current)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED | Modifier::REVERSED)
    }

    pub fn search_match(&self) -> Style {
        Style::new()
            .fg(Color::Black)
            .bg(self.search)
            .add_modifier(Modifier::REVERSED)
    }

    pub fn help_key(&self) -> Style {
        Style::new().fg(self.keys).add_modifier(Modifier::BOLD)
    }

    /// Where the selected fact's mentions are, on the scrollbar.
    pub fn scrollbar_mark(&self, section: Section) -> Style {
        self.fact(section)
            .remove_modifier(Modifier::UNDERLINED)
            .add_modifier(Modifier::BOLD)
    }
}

/// The nearest xterm-256 colour to an RGB colour (6x6x6 cube or grey ramp).
fn to_256(c: Color) -> Color {
    let Color::Rgb(r, g, b) = c else { return c };
    let level = |v: u8| if v < 48 { 0 } else if v < 115 { 1 } else { (v as u16 - 35) / 40 } as u8;
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = 16 + 36 * ri + 6 * gi + bi;
    let avg = (r as u16 + g as u16 + b as u16) / 3;
    let grey = if avg > 238 {
        255
    } else {
        232 + (avg.saturating_sub(3) / 10) as u8
    };
    let val = |i: u8| if i == 0 { 0 } else { 55 + 40 * i as i32 };
    let cube_err =
        (val(ri) - r as i32).pow(2) + (val(gi) - g as i32).pow(2) + (val(bi) - b as i32).pow(2);
    let gv = 8 + 10 * (grey as i32 - 232);
    let grey_err = 3 * (gv - avg as i32).pow(2);
    Color::Indexed(if r == g && g == b && grey_err < cube_err {
        grey
    } else {
        cube
    })
}

/// Mentions of the selected fact stand out from the other highlights.
pub fn selected(base: Style) -> Style {
    base.add_modifier(Modifier::REVERSED)
}

/// Inline code in the text (as glow draws it).
pub fn code() -> Style {
    Style::new().fg(Color::LightRed)
}

/// A hyperlink in the text.
pub fn link() -> Style {
    Style::new()
        .fg(Color::Blue)
        .add_modifier(Modifier::UNDERLINED)
}

/// A table header repeated as the label of a value, when a table is too
/// wide for its columns.
pub fn table_label() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn status_bar() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn scrollbar_thumb() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn sidebar_header() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn sidebar_title(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

/// The sidebar cursor: reversed when the sidebar has focus, else bold.
pub fn sidebar_cursor(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

pub fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rgb_maps_to_the_256_cube_without_truecolor() {
        assert_eq!(to_256(Color::Rgb(255, 0, 0)), Color::Indexed(196));
        assert_eq!(to_256(Color::Rgb(0, 0, 0)), Color::Indexed(16));
        assert_eq!(to_256(Color::Rgb(128, 128, 128)), Color::Indexed(244));
        assert_eq!(to_256(Color::Cyan), Color::Cyan);
        let p = Palette {
            person: Color::Rgb(255, 136, 0),
            ..Palette::default()
        }
        .for_terminal(false);
        assert_eq!(p.person, Color::Indexed(208));
        assert_eq!(p.place, Color::LightGreen);
    }
}
