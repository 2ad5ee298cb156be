/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads the values of CSV cells as spreadsheets write them: dates, amounts, counts. */

#define G_LOG_DOMAIN "tenure-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-date.h"
#include "tenure-import-private.h"

#define MAX_AMOUNT_DIGITS 13

static gboolean
is_space_char (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* Removes spaces, no-break spaces and narrow no-break spaces around @text, in place. */
char *
tenure_import_trim (char *text)
{
  char *end;

  while (*text != '\0')
    {
      if (*text == ' ' || *text == '\t')
        text++;
      else if ((guchar) text[0] == 0xC2 && (guchar) text[1] == 0xA0)
        text += 2;
      else if ((guchar) text[0] == 0xE2 && (guchar) text[1] == 0x80 &&
               ((guchar) text[2] == 0xAF || (guchar) text[2] == 0x89))
        text += 3;
      else
        break;
    }

  end = text + strlen (text);
  while (end > text)
    {
      if (end[-1] == ' ' || end[-1] == '\t')
        end--;
      else if (end - text >= 2 && (guchar) end[-2] == 0xC2 && (guchar) end[-1] == 0xA0)
        end -= 2;
      else if (end - text >= 3 && (guchar) end[-3] == 0xE2 && (guchar) end[-2] == 0x80 &&
               ((guchar) end[-1] == 0xAF || (guchar) end[-1] == 0x89))
        end -= 3;
      else
        break;
    }
  *end = '\0';

  return text;
}

/* A key for matching texts written by hand: case-folded, composed, spaces collapsed. */
char *
tenure_import_fold_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *composed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = composed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = key->len > 0;
      else
        {
          if (space)
            g_string_append_c (key, ' ');
          space = FALSE;
          g_string_append_unichar (key, c);
        }
    }

  return g_string_free (key, FALSE);
}

static int
read_digits (const char **p,
             int         *value)
{
  int n = 0;
  int v = 0;

  while (g_ascii_isdigit (**p) && n < 9)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  *value = v;
  return n;
}

static char *
not_a_date (const char *text)
{
  return g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD (for example "
                            "2026-04-30) or dd/mm/yyyy (30/04/2026)"), text);
}

/* Any accepted date or timestamp, as seconds since the epoch in UTC. */
static gboolean
parse_moment (const char        *text,
              TenureDateOrder    order,
              gint64            *seconds,
              TenureImportHint  *hint,
              char             **message)
{
  g_autofree char *iso = NULL;
  const char *p = text;
  int a, b, c;
  int na, nb, nc;
  int year, month, day;
  char sep;

  *hint = TENURE_IMPORT_HINT_NONE;

  na = read_digits (&p, &a);
  sep = *p;
  if (na == 0 || (sep != '-' && sep != '/' && sep != '.'))
    {
      *message = not_a_date (text);
      return FALSE;
    }

  if (na == 4 && sep == '-')
    {
      /* ISO: the timestamp parser knows every form, offsets included. */
      if (tenure_timestamp_parse (text, seconds))
        return TRUE;
      *message = not_a_date (text);
      return FALSE;
    }

  p++;
  nb = read_digits (&p, &b);
  if (nb == 0 || nb > 2 || *p != sep)
    {
      *message = not_a_date (text);
      return FALSE;
    }
  p++;
  nc = read_digits (&p, &c);
  if (nc == 0 || (*p != '\0' && *p != ' ' && *p != 'T'))
    {
      *message = not_a_date (text);
      return FALSE;
    }

  if (na == 4)
    {
      year = a, month = b, day = c;
      if (nc > 2)
        {
          *message = not_a_date (text);
          return FALSE;
        }
    }
  else if (na > 2 || (nc != 4 && nc != 2))
    {
      *message = not_a_date (text);
      return FALSE;
    }
  else if (nc == 2)
    {
      *message = g_strdup_printf (_("“%s” has a two-digit year, which is ambiguous: write the "
                                    "year in full (for example 2026); in your spreadsheet, "
                                    "format the column as dd/mm/yyyy before saving"), text);
      return FALSE;
    }
  else if (order == TENURE_DATE_ORDER_DAY_FIRST)
    {
      year = c, month = b, day = a;
      if (!tenure_date_is_valid (year, month, day) && tenure_date_is_valid (year, a, b))
        {
          *hint = TENURE_IMPORT_HINT_DATE_FORMAT;
          *message = g_strdup_printf (_("“%s” is not a day/month/year date (there is no "
                                        "month %d): if the file writes the month first, "
                                        "import it with the mm/dd/yyyy date format"),
                                      text, month);
          return FALSE;
        }
    }
  else
    {
      year = c, month = a, day = b;
      if (!tenure_date_is_valid (year, month, day) && tenure_date_is_valid (year, b, a))
        {
          *hint = TENURE_IMPORT_HINT_DATE_FORMAT;
          *message = g_strdup_printf (_("“%s” is not a month/day/year date (there is no "
                                        "month %d): if the file writes the day first, "
                                        "import it with the dd/mm/yyyy date format"),
                                      text, month);
          return FALSE;
        }
    }

  if (!tenure_date_is_valid (year, month, day))
    {
      *message = g_strdup_printf (_("“%s” is not a date that exists: check the day and the "
                                    "month"), text);
      return FALSE;
    }

  iso = g_strdup_printf ("%04d-%02d-%02d%s", year, month, day, p);
  if (!tenure_timestamp_parse (iso, seconds))
    {
      *message = g_strdup_printf (_("“%s” has a time that cannot be read: write it as "
                                    "HH:MM or HH:MM:SS after the date"), text);
      return FALSE;
    }

  return TRUE;
}

/**
 * tenure_import_parse_date:
 *
 * Reads "2026-04-30", "30/04/2026", "30.04.2026", "2026/04/30", or a timestamp (whose
 * UTC day is taken). Two-digit years are refused as ambiguous.
 */
gboolean
tenure_import_parse_date (const char        *text,
                          TenureDateOrder    order,
                          gint32            *days,
                          TenureImportHint  *hint,
                          char             **message)
{
  gint64 seconds;

  /* The common case, without a detour through seconds. */
  if (tenure_date_parse (text, days))
    {
      *hint = TENURE_IMPORT_HINT_NONE;
      return TRUE;
    }

  if (!parse_moment (text, order, &seconds, hint, message))
    return FALSE;

  *days = (gint32) (seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400);
  return TRUE;
}

/* A date or a timestamp; times without an offset are taken as UTC. */
gboolean
tenure_import_parse_timestamp (const char        *text,
                               TenureDateOrder    order,
                               gint64            *seconds,
                               TenureImportHint  *hint,
                               char             **message)
{
  return parse_moment (text, order, seconds, hint, message);
}

/* "2026-04", "04/2026", "4/2026", "2026/04" or any date of the month. */
gboolean
tenure_import_parse_month (const char       *text,
                           TenureDateOrder   order,
                           int              *month,
                           char            **message)
{
  const char *p = text;
  TenureImportHint hint;
  gint32 days;
  int a, b;
  int na, nb;
  char sep;

  if (tenure_month_parse (text, month))
    return TRUE;

  na = read_digits (&p, &a);
  sep = *p;
  if (na > 0 && (sep == '/' || sep == '-' || sep == '.'))
    {
      p++;
      nb = read_digits (&p, &b);
      if (*p == '\0')
        {
          if (na <= 2 && nb == 4 && a >= 1 && a <= 12)
            {
              *month = TENURE_MONTH (b, a);
              return TRUE;
            }
          if (na == 4 && nb >= 1 && nb <= 2 && b >= 1 && b <= 12 && a >= 1)
            {
              *month = TENURE_MONTH (a, b);
              return TRUE;
            }
        }
    }

  if (tenure_import_parse_date (text, order, &days, &hint, message))
    {
      *month = tenure_month_of_day (days);
      return TRUE;
    }

  g_free (*message);
  *message = g_strdup_printf (_("“%s” is not a month: write it as YYYY-MM (for example "
                                "2026-04) or mm/yyyy (04/2026)"), text);
  return FALSE;
}

static char *
not_an_amount (const char *text)
{
  return g_strdup_printf (_("“%s” is not an amount: write it with digits, for example "
                            "1234.50 or 1 234,50 €"), text);
}

static char *
too_large (const char *text)
{
  return g_strdup_printf (_("“%s” is too large to be an amount: check the cell"), text);
}

/* Whether the @length letters at @word name a currency ("EUR"). */
static gboolean
is_currency_word (const char *word,
                  gsize       length)
{
  static const char * const words[] = { "EUR", "USD", "GBP", "CHF", "CAD" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (length == 3 && g_ascii_strncasecmp (word, words[i], 3) == 0)
      return TRUE;

  return FALSE;
}

/**
 * tenure_import_parse_amount:
 * @decimal: the decimal separator, or %TENURE_DECIMAL_AUTO to decide from the value
 * @evidence: (out): the decimal separator the value shows beyond doubt, or
 *   %TENURE_DECIMAL_AUTO when it shows none (an integer, or an ambiguous "1,234")
 *
 * Reads "1234.5", "1 234,50", "1234,50 €", "€1,234.50", "1.234,50", with thousands
 * separated by spaces, no-break spaces or narrow no-break spaces. Negative amounts and
 * fractions of a cent are refused.
 */
TenureAmountStatus
tenure_import_parse_amount (const char     *text,
                            TenureDecimal   decimal,
                            gint64         *cents,
                            TenureDecimal  *evidence,
                            char          **message)
{
  char number[64];
  gsize length = 0;
  gboolean negative = FALSE;
  gboolean grouped_by_space = FALSE;
  gboolean after_digit = FALSE;
  gboolean pending_space = FALSE;
  guint currencies = 0;
  char decimal_mark = 0;
  char thousands_mark = 0;
  const char *p;
  const char *last_dot, *last_comma;
  guint dots = 0, commas = 0;
  gint64 whole = 0;
  int fraction = 0;
  guint whole_digits = 0;

  *evidence = TENURE_DECIMAL_AUTO;

  /* Accounting style, "(120,00)": a negative amount. */
  if (text[0] == '(' && text[strlen (text) - 1] == ')')
    {
      *message = g_strdup_printf (_("“%s” is a negative amount (in parentheses, as accounting "
                                    "formats write them): amounts must be zero or more; "
                                    "correct the amount or remove the row"), text);
      return TENURE_AMOUNT_INVALID;
    }
  if (strchr (text, '%') != NULL)
    {
      *message = g_strdup_printf (_("“%s” is a percentage, not an amount: this column needs "
                                    "an amount of money, for example 1 234,50 €"), text);
      return TENURE_AMOUNT_INVALID;
    }

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c) || c == '.' || c == ',')
        {
          if (length + 1 >= sizeof number)
            {
              *message = too_large (text);
              return TENURE_AMOUNT_INVALID;
            }
          if (pending_space && g_ascii_isdigit (c))
            grouped_by_space = TRUE;
          pending_space = FALSE;
          number[length++] = (char) c;
          after_digit = g_ascii_isdigit (c);
        }
      else if (is_space_char (c))
        pending_space = after_digit;
      else if (c == 0x20AC || c == '$' || c == 0x00A3)
        currencies++, pending_space = FALSE, after_digit = FALSE;
      else if (g_ascii_isalpha (c))
        {
          const char *word = p;

          while (g_ascii_isalpha (*p))
            p++;
          if (!is_currency_word (word, (gsize) (p - word)))
            {
              *message = not_an_amount (text);
              return TENURE_AMOUNT_INVALID;
            }
          currencies++, pending_space = FALSE, after_digit = FALSE;
          p--;
        }
      else if ((c == '-' || c == 0x2212) && !negative)
        negative = TRUE, pending_space = FALSE;
      else if (c == '+' && length == 0)
        continue;
      else
        {
          *message = not_an_amount (text);
          return TENURE_AMOUNT_INVALID;
        }
    }
  number[length] = '\0';

  if (length == 0 || currencies > 1 || strspn (number, ".,") == length)
    {
      *message = not_an_amount (text);
      return TENURE_AMOUNT_INVALID;
    }
  if (negative)
    {
      *message = g_strdup_printf (_("“%s” is negative: amounts must be zero or more; remove "
                                    "the row or correct the amount"), text);
      return TENURE_AMOUNT_INVALID;
    }

  last_dot = strrchr (number, '.');
  last_comma = strrchr (number, ',');
  for (gsize i = 0; i < length; i++)
    {
      dots += number[i] == '.';
      commas += number[i] == ',';
    }

  if (dots > 0 && commas > 0)
    {
      decimal_mark = last_dot > last_comma ? '.' : ',';
      thousands_mark = decimal_mark == '.' ? ',' : '.';
      if ((decimal_mark == '.' ? dots : commas) > 1)
        {
          *message = not_an_amount (text);
          return TENURE_AMOUNT_INVALID;
        }
    }
  else if (dots + commas > 1)
    {
      /* "1,234,567": only thousands. */
      thousands_mark = dots > 0 ? '.' : ',';
    }
  else if (dots + commas == 1)
    {
      char mark = dots > 0 ? '.' : ',';
      const char *at = dots > 0 ? last_dot : last_comma;
      gsize before = (gsize) (at - number);
      gsize after = length - before - 1;

      if (!grouped_by_space && after == 3 && before >= 1 && before <= 3 && number[0] != '0')
        {
          if (decimal == TENURE_DECIMAL_AUTO)
            return TENURE_AMOUNT_AMBIGUOUS;
          if ((decimal == TENURE_DECIMAL_POINT) == (mark == '.'))
            decimal_mark = mark;
          else
            thousands_mark = mark;
        }
      else
        decimal_mark = mark;
    }

  if (decimal_mark != 0)
    *evidence = decimal_mark == '.' ? TENURE_DECIMAL_POINT : TENURE_DECIMAL_COMMA;
  else if (thousands_mark != 0)
    *evidence = thousands_mark == '.' ? TENURE_DECIMAL_COMMA : TENURE_DECIMAL_POINT;

  for (p = number; *p != '\0' && *p != decimal_mark; p++)
    {
      if (*p == thousands_mark)
        continue;
      if (!g_ascii_isdigit (*p) || ++whole_digits > MAX_AMOUNT_DIGITS)
        {
          if (whole_digits > MAX_AMOUNT_DIGITS)
            *message = too_large (text);
          else
            *message = not_an_amount (text);
          return TENURE_AMOUNT_INVALID;
        }
      whole = whole * 10 + (*p - '0');
    }

  if (*p == decimal_mark && decimal_mark != 0)
    {
      guint digits = 0;

      for (p++; *p != '\0'; p++, digits++)
        {
          if (!g_ascii_isdigit (*p))
            {
              *message = not_an_amount (text);
              return TENURE_AMOUNT_INVALID;
            }
          if (digits < 2)
            fraction = fraction * 10 + (*p - '0');
          else if (*p != '0')
            {
              *message = g_strdup_printf (_("“%s” has more than two decimals: round it to "
                                            "the cent"), text);
              return TENURE_AMOUNT_INVALID;
            }
        }
      if (digits == 1)
        fraction *= 10;
    }

  *cents = whole * 100 + fraction;
  return TENURE_AMOUNT_OK;
}

/* A whole number between 0 and @max, digits only. */
gboolean
tenure_import_parse_count (const char *text,
                           gint64      max,
                           gint64     *value)
{
  gint64 v = 0;

  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      v = v * 10 + (*p - '0');
      if (v > max)
        return FALSE;
    }

  *value = v;
  return TRUE;
}
