//! Colours of chart marks and text. The series palette is Okabe–Ito, safe for the
//! common forms of colour blindness; every colour also has a text label beside it.

use plotters::style::RGBColor;

/// Chart text.
pub const TEXT: RGBColor = RGBColor(0x1f, 0x23, 0x28);
/// Secondary text (axes, notes); 7:1 on white.
pub const MUTED: RGBColor = RGBColor(0x4a, 0x50, 0x57);
/// Grid lines and outlines of not-reported marks.
pub const GRID: RGBColor = RGBColor(0xc9, 0xcd, 0xd2);
/// Chart background.
pub const BACKGROUND: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// A stated figure.
pub const STATED: RGBColor = RGBColor(0x00, 0x5a, 0x8c);
/// A figure derived by the app.
pub const DERIVED: RGBColor = RGBColor(0x8a, 0x5a, 0x00);
/// The focused or highlighted mark.
pub const FOCUS: RGBColor = RGBColor(0xc0, 0x3a, 0x00);
