# Golden vectors for the indicators beyond the dGC references, from independent implementations:
#
# - WHO weight-for-length/height, arm circumference, triceps and subscapular skinfold: WHO's own R package
#   `anthro` (WorldHealthOrganization/anthro at the commit below), its z-score code sourced as it is, with its
#   growth standards read from its data-raw/ tables. anthro reports z-scores rounded to 2 decimals; its flags are
#   taken from that run, and its z-scores a second time with `round` made the identity inside the package's
#   environment, so they compare at 1e-6.
# - IOTF: the `sitar` package's LMS2z (T. J. Cole, the reference's author), sourced as it is, on its iotf data.
# - CDC weight-for-length/stature: the CDC SAS program's logic (cdc-source-code.sas: the _htcat row, linear LMS
#   interpolation, %_zscore and %_cuts), run here on CDC's own SAS reference file CDCref_d.csv, not on the tables
#   centile embeds.
#
# Neither package is committed or installed: both are read from git mirrors at pinned commits (the project's fetch
# tool leaves them under /work/.mirror). R only (no CRAN packages).
#
#     Rscript tests/oracle/nutrition.R /work/.mirror tests/vectors/nutrition
#
# Each indicator's cases go to one CSV: inputs, then the expected z (NA where the implementation gives none),
# its 2-decimal report and flag (WHO), or modified z and BIV flag (CDC), or adult-equivalent BMI and the z of
# each adult cut-off (IOTF). Numbers are written with 17 significant digits (round-trip exact).

args <- commandArgs(TRUE)
mirrors <- args[1]
out <- args[2]
dir.create(out, showWarnings = FALSE, recursive = TRUE)

ANTHRO <- c("WorldHealthOrganization+anthro", "b776d8a12b1c97369c748b561159fd2ec4f4db58")
SITAR <- c("statist7+sitar", "b7174bb39020d723a87b7a8652e47cbf94a80ec6")
ZSCORER <- c("nutriverse+zscorer", "c9ae0c96a7b3aaf9679fab029eb13ad615e66af7")

git_file <- function(repo, path) {
  tmp <- tempfile()
  status <- system2("git", c("-C", file.path(mirrors, repo[1], "repo"), "show", paste0(repo[2], ":", path)),
                    stdout = tmp)
  stopifnot(status == 0)
  tmp
}

num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
write_cases <- function(df, name) {
  for (col in names(df)) if (is.numeric(df[[col]])) df[[col]] <- num(df[[col]])
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
}

# ---- WHO anthro -------------------------------------------------------------------------------------------------
anthro <- new.env()
for (f in c("anthro-package", "utils", "assertions", "z-score-helper", "z-score-length-for-age",
            "z-score-weight-for-age", "z-score-weight-for-lenhei", "z-score-bmi-for-age",
            "z-score-head-circumference-for-age", "z-score-arm-circumference-for-age",
            "z-score-triceps-skinfold-for-age", "z-score-subscapular-skinfold-for-age", "z-score")) {
  sys.source(git_file(ANTHRO, paste0("R/", f, ".R")), envir = anthro)
}
standard <- function(name) {
  d <- read.delim(git_file(ANTHRO, paste0("data-raw/growthstandards/", name, ".txt")))
  d$sex <- as.integer(d$sex)
  if ("age" %in% names(d)) d$age <- as.integer(d$age)
  d
}
for (name in c("lenanthro", "weianthro", "bmianthro", "hcanthro", "acanthro", "tsanthro", "ssanthro",
               "wflanthro", "wfhanthro")) {
  assign(paste0("growthstandards_", name), standard(name), envir = anthro)
}

anthro_run <- function(...) {
  rounded <- anthro$anthro_zscores(is_age_in_month = FALSE, ...)
  anthro$round <- function(x, digits = 0) x
  on.exit(rm("round", envir = anthro))
  exact <- anthro$anthro_zscores(is_age_in_month = FALSE, ...)
  list(rounded = rounded, exact = exact)
}

# z-scores the cases cycle through: inside, at and beyond ±3 SD.
Z <- c(-6.5, -5.2, -4, -3.3, -3, -2.5, -2, -1.2, 0, 0.6, 1.9, 2.5, 3, 3.2, 4.1, 5.3, 6.8)
# A measurement near z on WHO's restricted scale (the distance between the 2 and 3 SD lines beyond ±3).
who_value <- function(z, l, m, s) {
  at <- function(z) m * (1 + l * s * z)^(1 / l)
  ifelse(z > 3, at(3) + (z - 3) * (at(3) - at(2)),
         ifelse(z < -3, at(-3) + (z + 3) * (at(-2) - at(-3)), at(z)))
}
set.seed(20261206)

# Weight-for-length/height: every 0.1 cm row of both tables, a point between rows, and lengths outside, at ages
# and positions that exercise the 0.7 cm rule.
wfl <- anthro$growthstandards_wflanthro
wfh <- anthro$growthstandards_wfhanthro
lw <- rbind(
  data.frame(sex = wfl$sex, lenhei = wfl$length, l = wfl$l, m = wfl$m, s = wfl$s, young = TRUE),
  data.frame(sex = wfh$sex, lenhei = wfh$height, l = wfh$l, m = wfh$m, s = wfh$s, young = FALSE)
)
n <- nrow(lw)
cases <- data.frame(
  sex = rep(lw$sex, 2),
  age_days = c(ifelse(lw$young, sample(c(0, 100, 274, 500, 730), n, TRUE), sample(c(731, 1000, 1500, 1826), n, TRUE)),
               ifelse(lw$young, sample(c(300, 600, 730), n, TRUE), sample(c(731, 1200, 1826), n, TRUE))),
  position = c(ifelse(lw$young, "l", "h"), ifelse(lw$young, "h", "l")),
  lenhei = c(lw$lenhei, lw$lenhei + round(runif(n, 0.001, 0.099), 3)),
  z = rep(Z, length.out = 2 * n)
)
# Lengths at and past the tables' edges, measured either way.
edges <- expand.grid(sex = 1:2, age_days = c(200, 730, 731, 1826), position = c("l", "h"),
                     lenhei = c(44.2, 44.3, 44.9, 45, 64.3, 64.9, 65, 65.7, 109.3, 110, 110.1, 119.9, 120, 120.7, 120.8),
                     z = c(-4, 0, 4), stringsAsFactors = FALSE)
cases <- rbind(cases, edges)
# The weight: from the table row at the length as read (not adjusted), so it lands near z.
row_of <- function(sex, cm, young) {
  t <- if (young) wfl else wfh
  x <- if (young) t$length else t$height
  i <- which(t$sex == sex & abs(x - round(cm, 1)) < 1e-9)
  if (length(i) == 0) i <- which(t$sex == sex)[1]
  t[i, c("l", "m", "s")]
}
lms <- do.call(rbind, Map(row_of, cases$sex, cases$lenhei, cases$age_days < 731))
cases$weight <- who_value(cases$z, lms$l, lms$m, lms$s)
r <- anthro_run(sex = cases$sex, age = cases$age_days, weight = cases$weight, lenhei = cases$lenhei,
                measure = cases$position)
write_cases(data.frame(sex = cases$sex, age_days = cases$age_days, position = cases$position,
                       lenhei = cases$lenhei, weight = cases$weight, z = r$exact$zwfl,
                       z_reported = r$rounded$zwfl, flag = r$rounded$fwfl),
            "who_weight_for_length_height")

# Arm circumference, triceps and subscapular skinfold: every day of the tables and the days either side.
for (indicator in list(c("ac", "acanthro", "armc"), c("ts", "tsanthro", "triskin"), c("ss", "ssanthro", "subskin"))) {
  t <- get(paste0("growthstandards_", indicator[2]), envir = anthro)
  t <- rbind(t, data.frame(sex = 1:2, age = 90L, l = 1, m = 10, s = 0.1), data.frame(sex = 1:2, age = 1827L, l = 1, m = 10, s = 0.1))
  z <- rep(Z, length.out = nrow(t))
  value <- who_value(z, t$l, t$m, t$s)
  r <- do.call(anthro_run, setNames(list(t$sex, t$age, value), c("sex", "age", indicator[3])))
  write_cases(data.frame(sex = t$sex, age_days = t$age, value = value,
                         z = r$exact[[paste0("z", indicator[1])]],
                         z_reported = r$rounded[[paste0("z", indicator[1])]],
                         flag = r$rounded[[paste0("f", indicator[1])]]),
              paste0("who_", indicator[1]))
}

# ---- IOTF with sitar ----------------------------------------------------------------------------------------------
sitar <- new.env()
sys.source(git_file(SITAR, "R/LMS2z.R"), envir = sitar)
load(git_file(SITAR, "data/iotf.rda"), envir = sitar)
ages <- c(seq(2, 18, by = 0.05), 2.001, 17.999, 1.99, 18.01)
iotf <- expand.grid(age = ages, sex = 1:2, k = 1:3)
iotf$bmi <- with(iotf, round(runif(nrow(iotf), 11, 40), 2))
iotf$z <- NA_real_
iotf$adult_equivalent_bmi <- NA_real_
for (sex in 1:2) {
  i <- iotf$sex == sex
  iotf$z[i] <- sitar$LMS2z(iotf$age[i], iotf$bmi[i], sex, "bmi", sitar$iotf)
  iotf$adult_equivalent_bmi[i] <- sitar$LMS2z(rep(18, sum(i)), iotf$z[i], sex, "bmi", sitar$iotf, toz = FALSE)
}
# The z of each adult cut-off at 18, as sitar's ob_convertr reads it.
cut_z <- sapply(1:2, function(sex) sitar$LMS2z(18, c(16, 17, 18.5, 25, 30, 35), sex, "bmi", sitar$iotf))
iotf$category <- mapply(function(sex, z) {
  if (is.na(z)) return(NA_integer_)
  sum(z >= cut_z[, sex])
}, iotf$sex, iotf$z)
write_cases(iotf[, c("sex", "age", "bmi", "z", "adult_equivalent_bmi", "category")], "iotf")

# ---- CDC weight-for-length/stature, the SAS program's logic on CDCref_d.csv --------------------------------------
ref <- read.csv(git_file(ZSCORER, "data-raw/CDCref_d.csv"))
cdc_lms <- function(denom, sex, cm) {
  r <- ref[ref$denom == denom & ref$SEX == sex, ]
  if (denom == "length") {
    key <- r$X_LG1; key2 <- r$X_LG2; l1 <- r$X_LWLG1; l2 <- r$X_LWLG2; m1 <- r$X_MWLG1; m2 <- r$X_MWLG2
    s1 <- r$X_SWLG1; s2 <- r$X_SWLG2
    htcat <- if (cm >= 45 & cm < 45.5) 45 else trunc(cm + 0.5) - 0.5
  } else {
    key <- r$X_HT1; key2 <- r$X_HT2; l1 <- r$X_LWHT1; l2 <- r$X_LWHT2; m1 <- r$X_MWHT1; m2 <- r$X_MWHT2
    s1 <- r$X_SWHT1; s2 <- r$X_SWHT2
    htcat <- if (cm >= 77 & cm < 77.5) 77 else trunc(cm + 0.5) - 0.5
  }
  i <- which(abs(key - htcat) < 1e-9)
  if (length(i) != 1) return(c(NA, NA, NA))
  d <- cm - key[i]; int <- key2[i] - key[i]
  c(l1[i] + (d * (l2[i] - l1[i])) / int, m1[i] + (d * (m2[i] - m1[i])) / int, s1[i] + (d * (s2[i] - s1[i])) / int)
}
cdc_scores <- function(y, l, m, s) {
  z <- if (abs(l) >= 0.01) ((y / m)^l - 1) / (l * s) else log(y / m) / s
  sdl <- (m - m * (1 - 2 * l * s)^(1 / l)) / 2
  sdh <- (m * (1 + 2 * l * s)^(1 / l) - m) / 2
  c(z, if (y < m) (y - m) / sdl else (y - m) / sdh)
}
for (chart in list(c("length", 45, 103.5, "cdc_weight_for_length"), c("height", 77, 121.5, "cdc_weight_for_stature"))) {
  from <- as.numeric(chart[2]); to <- as.numeric(chart[3])
  cm <- c(seq(from, to - 0.5, by = 0.25), runif(200, from, to - 0.01), from + 0.001, to - 0.001)
  cases <- expand.grid(cm = cm, sex = 1:2)
  cases$z_target <- rep(Z, length.out = nrow(cases))
  # Every fifth and sixth weight is pushed far out, past the BIV cut-offs.
  cases$factor <- rep(c(1, 1, 1, 1, 0.55, 1.9), length.out = nrow(cases))
  res <- t(mapply(function(sex, cm, z, factor) {
    p <- cdc_lms(chart[1], sex, cm)
    y <- p[2] * (1 + p[1] * p[3] * z)^(1 / p[1])
    if (is.na(y)) y <- p[2] * exp(p[3] * z)
    y <- y * factor
    c(y, cdc_scores(y, p[1], p[2], p[3]))
  }, cases$sex, cases$cm, pmax(pmin(cases$z_target, 2.5), -2.5), cases$factor))
  biv <- ifelse(res[, 3] < -4, -1L, ifelse(res[, 3] > 8, 1L, 0L))
  write_cases(data.frame(sex = cases$sex, cm = cases$cm, weight = res[, 1], z = res[, 2], modified_z = res[, 3],
                         biv = biv), chart[4])
}

# ---- CDC for-age modified z-scores and BIV flags, the SAS program's logic on CDCref_d.csv ------------------------
# The program's age rows: _agecat (0, then each half month: int(agemos + 0.5) - 0.5), L, M and S linear in agemos
# between _AGEMOS1 and _AGEMOS2; length (LG) below 24 months, height (HT) from 24; weight, BMI, head circumference
# (HC). Cases where centile's cdc reference reads CDC 2000 tables: height, weight and BMI from 24 months to 20
# years, head circumference from birth to 36 months. Ages in whole days, as a date gives them (agemos = days /
# 30.4375). Cut-offs (%_cuts, upper ones as revised in 2016): height -5/4, weight -5/8, BMI -4/8, HC -5/5.
agerows <- ref[ref$denom == "age", ]
cdc_age_lms <- function(sex, agemos, var) {
  r <- agerows[agerows$SEX == sex, ]
  agecat <- if (agemos >= 0 && agemos < 0.5) 0 else trunc(agemos + 0.5) - 0.5
  i <- which(abs(r$X_AGECAT - agecat) < 1e-9)
  if (length(i) != 1) return(c(NA, NA, NA))
  f <- (agemos - r$X_AGEMOS1[i]) / (r$X_AGEMOS2[i] - r$X_AGEMOS1[i])
  sapply(c("L", "M", "S"), function(p) {
    a <- r[[paste0("X_", p, var, "1")]][i]
    b <- r[[paste0("X_", p, var, "2")]][i]
    a + f * (b - a)
  })
}
for_age <- list(list("height", 731, 7305, c(-5, 4)), list("weight", 731, 7305, c(-5, 8)),
                list("bmi", 731, 7305, c(-4, 8)), list("ofc", 0, 1095, c(-5, 5)))
cases_for_age <- do.call(rbind, lapply(for_age, function(a) {
  days <- unique(c(a[[2]], a[[3]], round(seq(a[[2]], a[[3]], length.out = 60)), round(runif(60, a[[2]], a[[3]]))))
  cases <- expand.grid(age_days = days, sex = 1:2)
  cases$method <- a[[1]]
  cases$z_target <- rep(Z, length.out = nrow(cases))
  cases$factor <- rep(c(1, 1, 1, 1, 0.55, 1.9), length.out = nrow(cases))
  res <- t(mapply(function(sex, d, z, factor) {
    agemos <- d / 30.4375
    var <- switch(a[[1]], height = if (agemos < 24) "LG" else "HT", weight = "WT", bmi = "BMI", ofc = "HC")
    p <- cdc_age_lms(sex, agemos, var)
    if (any(is.na(p))) return(c(NA, NA))
    y <- p[2] * (1 + p[1] * p[3] * z)^(1 / p[1])
    if (is.na(y)) y <- p[2] * exp(p[3] * z)
    y <- y * factor
    c(y, cdc_scores(y, p[1], p[2], p[3])[2])
  }, cases$sex, cases$age_days, pmax(pmin(cases$z_target, 2.5), -2.5), cases$factor))
  cases$value <- res[, 1]
  cases$modified_z <- res[, 2]
  cases$biv <- ifelse(res[, 2] < a[[4]][1], -1L, ifelse(res[, 2] > a[[4]][2], 1L, 0L))
  cases[!is.na(cases$value), c("sex", "method", "age_days", "value", "modified_z", "biv")]
}))
write_cases(cases_for_age, "cdc_for_age")
