//! The one integration-test binary (as just and xh keep theirs): `tests/common` compiles
//! once, and each file is a module for one concern.

mod common;

mod backends;
mod bad_input;
mod bank;
mod browser;
mod faults;
mod formats;
mod generate;
mod hostile;
mod input_prop;
mod layers;
mod offline;
mod parse_prop;
mod pool;
mod providers;
mod scripts;
mod serve;
mod shared;
mod verify;
