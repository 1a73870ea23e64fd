//! The bundled sample corpus: the five seed articles and their metadata, compiled in so that
//! the wheel is self-contained.

/// `(file name, contents)` of every file of `seeds/`.
pub const SAMPLE_FILES: &[(&str, &str)] = &[
    (
        "000_0e7e979936c3d084.txt",
        include_str!("../seeds/000_0e7e979936c3d084.txt"),
    ),
    (
        "001_7cf346121d34070f.txt",
        include_str!("../seeds/001_7cf346121d34070f.txt"),
    ),
    (
        "002_23f5b63505be1cca.txt",
        include_str!("../seeds/002_23f5b63505be1cca.txt"),
    ),
    (
        "003_6f91cb43fabafc58.txt",
        include_str!("../seeds/003_6f91cb43fabafc58.txt"),
    ),
    (
        "004_d6ec6840f44f2112.txt",
        include_str!("../seeds/004_d6ec6840f44f2112.txt"),
    ),
    ("metadata.csv", include_str!("../seeds/metadata.csv")),
];
