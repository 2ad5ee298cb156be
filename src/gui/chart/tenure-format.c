/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers, money, percentages and months written the way a French or English reader expects. */

#define G_LOG_DOMAIN "tenure-format"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "tenure-format.h"

/* Typography follows CLDR: French groups thousands with a narrow no-break space
 * (U+202F), puts a no-break space (U+00A0) before the currency symbol and a narrow
 * no-break space before "%". Negative values take a real minus sign (U+2212), which
 * lines up with "+" in tables and axes. These are locale data, picked by an explicit
 * language so that one process can write both. */
#define NARROW_NBSP "\u202f"
#define NBSP "\u00a0"
#define MINUS "\u2212"

static const char * const month_names_en[12] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static const char * const month_names_fr[12] = {
  "janv.", "févr.", "mars", "avr.", "mai", "juin",
  "juil.", "août", "sept.", "oct.", "nov.", "déc.",
};

static gboolean
name_is_french (const char *name)
{
  return name != NULL && g_ascii_strncasecmp (name, "fr", 2) == 0;
}

static gboolean
name_is_neutral (const char *name)
{
  return name == NULL || *name == '\0' ||
         g_str_equal (name, "C") || g_str_equal (name, "POSIX") ||
         g_str_has_prefix (name, "C.");
}

/* Returns ENGLISH or FRENCH. DEFAULT follows the process locale: the monetary and
 * numeric categories when they are set, else LANGUAGE, LC_ALL and LANG. */
TenureLanguage
tenure_language_resolve (TenureLanguage language)
{
  static const int categories[] = { LC_MONETARY, LC_NUMERIC };
  static const char * const variables[] = { "LANGUAGE", "LC_ALL", "LC_MONETARY", "LANG" };

  if (language != TENURE_LANGUAGE_DEFAULT)
    return language;

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      const char *name = setlocale (categories[i], NULL);

      if (!name_is_neutral (name))
        return name_is_french (name) ? TENURE_LANGUAGE_FRENCH : TENURE_LANGUAGE_ENGLISH;
    }

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *name = g_getenv (variables[i]);

      if (!name_is_neutral (name))
        return name_is_french (name) ? TENURE_LANGUAGE_FRENCH : TENURE_LANGUAGE_ENGLISH;
    }

  return TENURE_LANGUAGE_ENGLISH;
}

static guint64
power_of_ten (int exponent)
{
  guint64 result = 1;

  for (int i = 0; i < exponent; i++)
    result *= 10;

  return result;
}

/* Writes @scaled / 10^@decimals, grouped by thousands, without a sign. */
static void
append_fixed (GString        *out,
              guint64         scaled,
              int             decimals,
              TenureLanguage  language)
{
  const char *group = language == TENURE_LANGUAGE_FRENCH ? NARROW_NBSP : ",";
  guint64 divisor = power_of_ten (decimals);
  char digits[32];
  int n;

  n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, scaled / divisor);
  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, digits[i]);
    }

  if (decimals > 0)
    {
      g_string_append_c (out, language == TENURE_LANGUAGE_FRENCH ? ',' : '.');
      g_string_append_printf (out, "%0*" G_GUINT64_FORMAT, decimals, scaled % divisor);
    }
}

/* @value rounded half away from zero to @decimals, as an unsigned magnitude. */
static guint64
scale_magnitude (double value,
                 int    decimals)
{
  double magnitude = fabs (value) * (double) power_of_ten (decimals);

  /* 1.005 × 100 is 100.49999…: nudge by a few ulps so printed halves round up. */
  return (guint64) floor (magnitude * (1.0 + 1e-14) + 0.5);
}

static const char *
sign_for (gboolean          negative,
          guint64           scaled,
          TenureFormatFlags flags)
{
  if (scaled == 0)
    return "";
  if (negative)
    return MINUS;
  if (flags & TENURE_FORMAT_SIGN)
    return "+";
  return "";
}

char *
tenure_format_number (double            value,
                      int               decimals,
                      TenureFormatFlags flags,
                      TenureLanguage    language)
{
  GString *out = g_string_new (NULL);
  guint64 scaled;

  g_return_val_if_fail (isfinite (value), g_strdup ("—"));
  g_return_val_if_fail (decimals >= 0 && decimals <= 6, g_strdup ("—"));

  language = tenure_language_resolve (language);
  scaled = scale_magnitude (value, decimals);
  g_string_append (out, sign_for (value < 0, scaled, flags));
  append_fixed (out, scaled, decimals, language);

  return g_string_free (out, FALSE);
}

/**
 * tenure_format_count:
 *
 * Returns: a count of things in the user's language: "105,969" in English, "105 969" in
 * French (the thousands grouped as the language writes them).
 */
char *
tenure_format_count (gint64 count)
{
  return tenure_format_number ((double) count, 0, TENURE_FORMAT_NONE, TENURE_LANGUAGE_DEFAULT);
}

/* The symbol of a currency, or NULL when it is written with its ISO code. */
static const char *
currency_symbol (const char *currency)
{
  if (currency == NULL || g_ascii_strcasecmp (currency, "EUR") == 0)
    return "€";
  if (g_ascii_strcasecmp (currency, "USD") == 0)
    return "$";
  if (g_ascii_strcasecmp (currency, "GBP") == 0)
    return "£";
  if (g_ascii_strcasecmp (currency, "JPY") == 0)
    return "¥";
  return NULL;
}

/* Puts the sign, the amount (already in @number) and the currency together:
 * "−12 340 €", "12,3 k€" in French; "−€12,340", "€12.3k" in English. */
static char *
assemble_money (const char     *sign,
                const char     *number,
                const char     *suffix,
                const char     *currency,
                TenureLanguage  language)
{
  const char *symbol = currency_symbol (currency);

  if (language == TENURE_LANGUAGE_FRENCH)
    {
      if (symbol != NULL)
        return g_strconcat (sign, number, NBSP, suffix, symbol, NULL);
      return g_strconcat (sign, number, NBSP, suffix, *suffix ? NBSP : "", currency, NULL);
    }

  if (symbol != NULL)
    return g_strconcat (sign, symbol, number, suffix, NULL);
  return g_strconcat (sign, currency, NBSP, number, suffix, NULL);
}

char *
tenure_format_money (gint64             cents,
                     const char        *currency,
                     TenureFormatFlags  flags,
                     TenureLanguage     language)
{
  g_autoptr(GString) number = g_string_new (NULL);
  guint64 magnitude;
  guint64 scaled;
  int decimals;

  if (flags & TENURE_FORMAT_COMPACT)
    return tenure_format_money_compact ((double) cents, currency, -1, flags, language);

  language = tenure_language_resolve (language);
  magnitude = cents < 0 ? (guint64) -(cents + 1) + 1 : (guint64) cents;

  if (flags & TENURE_FORMAT_CENTS)
    {
      scaled = magnitude;
      decimals = 2;
    }
  else
    {
      scaled = (magnitude + 50) / 100;
      decimals = 0;
    }

  append_fixed (number, scaled, decimals, language);

  return assemble_money (sign_for (cents < 0, scaled, flags), number->str, "",
                         currency, language);
}

/* @decimals < 0 picks them: one below 100 units of the suffix, dropped when it is 0. */
char *
tenure_format_money_compact (double             cents,
                             const char        *currency,
                             int                decimals,
                             TenureFormatFlags  flags,
                             TenureLanguage     language)
{
  g_autoptr(GString) number = g_string_new (NULL);
  double units = cents / 100.0;
  double divisor = 1;
  const char *suffix = "";
  guint64 scaled;

  g_return_val_if_fail (isfinite (cents), g_strdup ("—"));

  language = tenure_language_resolve (language);

  if (fabs (units) >= 999999.5)
    {
      divisor = 1e6;
      suffix = "M";
    }
  else if (fabs (units) >= 999.5)
    {
      divisor = 1e3;
      suffix = "k";
    }

  if (decimals < 0)
    {
      decimals = (divisor > 1 && fabs (units / divisor) < 99.95) ? 1 : 0;
      if (decimals == 1 && scale_magnitude (units / divisor, 1) % 10 == 0)
        decimals = 0;
    }

  scaled = scale_magnitude (units / divisor, decimals);
  append_fixed (number, scaled, decimals, language);

  return assemble_money (sign_for (units < 0, scaled, flags), number->str, suffix,
                         currency, language);
}

char *
tenure_format_percent (double            percent,
                       int               decimals,
                       TenureFormatFlags flags,
                       TenureLanguage    language)
{
  g_autofree char *number = NULL;

  language = tenure_language_resolve (language);
  number = tenure_format_number (percent, decimals, flags, language);

  if (language == TENURE_LANGUAGE_FRENCH)
    return g_strconcat (number, NARROW_NBSP "%", NULL);
  return g_strconcat (number, "%", NULL);
}

/* @month is a month index (year × 12 + month − 1): "Oct 2026" or "oct. 2026". */
char *
tenure_format_month (int            month,
                     TenureLanguage language)
{
  const char * const *names;

  g_return_val_if_fail (month >= 0, g_strdup ("—"));

  language = tenure_language_resolve (language);
  names = language == TENURE_LANGUAGE_FRENCH ? month_names_fr : month_names_en;

  return g_strdup_printf ("%s %d", names[month % 12], month / 12);
}

static gboolean
is_whole (double value)
{
  return fabs (value - round (value)) < 1e-9;
}

/* A value on its own (tooltips, bar labels, descriptions): money in whole units,
 * percentages and durations with one decimal, counts as they are. */
char *
tenure_format_value (double             value,
                     TenureUnit         unit,
                     const char        *currency,
                     TenureFormatFlags  flags,
                     TenureLanguage     language)
{
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup ("—");

  language = tenure_language_resolve (language);

  switch (unit)
    {
    case TENURE_UNIT_MONEY:
      if (flags & TENURE_FORMAT_COMPACT)
        return tenure_format_money_compact (value, currency, -1, flags, language);
      return tenure_format_money ((gint64) round (value), currency, flags, language);

    case TENURE_UNIT_PERCENT:
      return tenure_format_percent (value, 1, flags, language);

    case TENURE_UNIT_MONTHS:
      number = tenure_format_number (value, is_whole (value) ? 0 : 1, flags, language);
      if (language == TENURE_LANGUAGE_FRENCH)
        return g_strconcat (number, NBSP "mois", NULL);
      return g_strconcat (number, fabs (value) == 1 ? NBSP "month" : NBSP "months", NULL);

    case TENURE_UNIT_DAYS:
      number = tenure_format_number (value, is_whole (value) ? 0 : 1, flags, language);
      if (language == TENURE_LANGUAGE_FRENCH)
        return g_strconcat (number, fabs (value) < 2 ? NBSP "jour" : NBSP "jours", NULL);
      return g_strconcat (number, fabs (value) == 1 ? NBSP "day" : NBSP "days", NULL);

    case TENURE_UNIT_COUNT:
    default:
      return tenure_format_number (value, is_whole (value) ? 0 : 1, flags, language);
    }
}

/* How many decimals show every multiple of @step exactly (0.25 → 2, 5 → 0). */
int
tenure_format_decimals_for_step (double step)
{
  step = fabs (step);
  if (!isfinite (step) || step == 0)
    return 0;

  for (int decimals = 0; decimals < 4; decimals++)
    {
      double scaled = step * (double) power_of_ten (decimals);

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, scaled))
        return decimals;
    }

  return 4;
}

/* A tick label: all the ticks of one axis share the same scale and decimals, chosen
 * from the step, so "0 €, 10 k€, 20 k€" or "0%, 2.5%, 5.0%" line up. Durations and
 * counts are bare numbers: the axis title carries their unit. */
char *
tenure_format_axis_value (double          value,
                          double          step,
                          TenureUnit      unit,
                          const char     *currency,
                          TenureLanguage  language)
{
  language = tenure_language_resolve (language);

  if (fabs (value) < fabs (step) * 1e-9)
    value = 0;

  switch (unit)
    {
    case TENURE_UNIT_MONEY:
      {
        double step_units = fabs (step) / 100.0;
        double divisor = 1;

        if (value == 0)
          return tenure_format_money (0, currency, TENURE_FORMAT_NONE, language);

        if (step_units >= 1e6 || fabs (value) >= 1e8 * 100)
          divisor = 1e6;
        else if (step_units >= 1e3)
          divisor = 1e3;

        if (divisor == 1)
          {
            int decimals = tenure_format_decimals_for_step (step_units);

            if (decimals == 0)
              return tenure_format_money ((gint64) round (value), currency,
                                          TENURE_FORMAT_NONE, language);
            return tenure_format_money ((gint64) round (value), currency,
                                        TENURE_FORMAT_CENTS, language);
          }

        return tenure_format_money_compact (value, currency,
                                            tenure_format_decimals_for_step (step_units / divisor),
                                            TENURE_FORMAT_NONE, language);
      }

    case TENURE_UNIT_PERCENT:
      return tenure_format_percent (value, tenure_format_decimals_for_step (step),
                                    TENURE_FORMAT_NONE, language);

    case TENURE_UNIT_COUNT:
    case TENURE_UNIT_MONTHS:
    case TENURE_UNIT_DAYS:
    default:
      return tenure_format_number (value, tenure_format_decimals_for_step (step),
                                   TENURE_FORMAT_NONE, language);
    }
}
