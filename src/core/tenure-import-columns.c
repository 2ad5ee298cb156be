/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fields of each kind of CSV file and the English and French headers that name them. */

#define G_LOG_DOMAIN "tenure-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-import-private.h"

#define ACCOUNT_ID_SYNONYMS \
  "account_id|account|account external id|external id|customer_id|customer|customer number|" \
  "client|id client|client id|code client|numéro client|n° client|compte|id compte|n° compte"
#define CHANNEL_SYNONYMS \
  "channel|acquisition channel|source|lead source|canal|canal d'acquisition|" \
  "canal acquisition|origine"
#define PLAN_SYNONYMS "plan|pricing plan|tier|offre|formule|forfait"

static const TenureImportField accounts_fields[] = {
  { "account_id", TRUE, ACCOUNT_ID_SYNONYMS },
  { "name", FALSE, "name|account name|company|company name|customer name|nom|nom du client|"
                   "nom client|nom du compte|raison sociale|société|entreprise" },
  { "segment", FALSE, "segment|customer segment|segment client|type de client" },
  { "plan", FALSE, PLAN_SYNONYMS },
  { "channel", FALSE, CHANNEL_SYNONYMS },
  { "owner", FALSE, "owner|account owner|csm|account manager|responsable|propriétaire|"
                    "commercial|chargé de compte" },
  { "signup_date", FALSE, "signup_date|signup|signed up|signed up on|signup on|created|"
                          "created at|created on|creation date|date d'inscription|"
                          "inscription|date inscription|date de création|date création" },
  { NULL },
};

static const TenureImportField subscriptions_fields[] = {
  { "account_id", TRUE, ACCOUNT_ID_SYNONYMS },
  { "start_date", TRUE, "start_date|start|started|started on|starts on|begin|début|"
                        "date début|date de début" },
  { "mrr", TRUE, "mrr|monthly_amount|monthly revenue|amount|montant|montant mensuel|"
                 "revenu mensuel|mrr eur|mrr €|mrr ht|montant ht|montant mensuel ht" },
  { "end_date", FALSE, "end_date|end|ended|ended on|ends on|cancelled at|canceled at|fin|"
                       "date fin|date de fin|date de résiliation|résiliation" },
  { "plan", FALSE, PLAN_SYNONYMS },
  { "subscription_id", FALSE, "subscription_id|subscription|contract|contract id|abonnement|"
                              "id abonnement|contrat|n° contrat" },
  { NULL },
};

static const TenureImportField events_fields[] = {
  { "account_id", TRUE, ACCOUNT_ID_SYNONYMS },
  { "at", TRUE, "at|date|timestamp|time|date time|datetime|occurred at|event date|"
                "horodatage|date heure|date et heure" },
  { "kind", TRUE, "kind|type|event|event type|event kind|événement|type d'événement|"
                  "type événement" },
  { "job", FALSE, "job|job name|job title|tâche|nom du job" },
  { "user", FALSE, "user|user_id|user ref|user_ref|utilisateur|id utilisateur" },
  { NULL },
};

static const TenureImportField responses_fields[] = {
  { "answered_on", TRUE, "answered_on|date|answered at|answered|submitted at|responded at|"
                         "date de réponse|date réponse|répondu le" },
  { "score", TRUE, "score|note|rating" },
  { "account_id", FALSE, ACCOUNT_ID_SYNONYMS },
  { "kind", FALSE, "kind|type|survey|survey type|enquête|type d'enquête" },
  { "comment", FALSE, "comment|comments|commentaire|commentaires|remarque|verbatim" },
  { NULL },
};

static const TenureImportField spend_fields[] = {
  { "month", TRUE, "month|mois|period|période" },
  { "channel", TRUE, CHANNEL_SYNONYMS },
  { "amount", TRUE, "amount|spend|cost|budget|montant|dépense|dépenses|coût|montant ht" },
  { "leads", FALSE, "leads|prospects|nombre de leads|nb leads" },
  { NULL },
};

static const TenureImportField tickets_fields[] = {
  { "account_id", TRUE, ACCOUNT_ID_SYNONYMS },
  { "opened_at", TRUE, "opened_at|opened|opened on|date|created at|date d'ouverture|"
                       "ouvert le|date ouverture" },
  { "category", TRUE, "category|type|catégorie" },
  { NULL },
};

static const TenureImportField answers_fields[] = {
  { "account_id", TRUE, ACCOUNT_ID_SYNONYMS },
  { "question", TRUE, "question|question text|intitulé" },
  { "answer", TRUE, "answer|option|choice|réponse|choix" },
  { NULL },
};

static const TenureImportField * const kind_fields[TENURE_IMPORT_N_KINDS] = {
  NULL,
  accounts_fields,
  subscriptions_fields,
  events_fields,
  responses_fields,
  spend_fields,
  tickets_fields,
  answers_fields,
};

static const char * const kind_names[TENURE_IMPORT_N_KINDS] = {
  NULL, "accounts", "subscriptions", "events", "responses", "spend", "tickets", "answers",
};

/* For each kind, normalised synonym → field index + 1. */
static GHashTable *synonym_tables[TENURE_IMPORT_N_KINDS];
static const char * const *field_names[TENURE_IMPORT_N_KINDS];

static gpointer
build_tables (gpointer data)
{
  for (guint kind = 1; kind < TENURE_IMPORT_N_KINDS; kind++)
    {
      const TenureImportField *fields = kind_fields[kind];
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GPtrArray *names = g_ptr_array_new ();

      for (guint i = 0; fields[i].name != NULL; i++)
        {
          g_auto(GStrv) synonyms = g_strsplit (fields[i].synonyms, "|", -1);

          g_ptr_array_add (names, (gpointer) fields[i].name);
          for (guint j = 0; synonyms[j] != NULL; j++)
            {
              char *key = tenure_import_normalize_header (synonyms[j]);

              if (!g_hash_table_contains (table, key))
                g_hash_table_insert (table, key, GUINT_TO_POINTER (i + 1));
              else
                g_free (key);
            }
        }
      g_ptr_array_add (names, NULL);

      synonym_tables[kind] = table;
      field_names[kind] = (const char * const *) g_ptr_array_free (names, FALSE);
    }

  return NULL;
}

static void
ensure_tables (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_tables, NULL);
}

const char *
tenure_import_kind_to_string (TenureImportKind kind)
{
  g_return_val_if_fail (kind < TENURE_IMPORT_N_KINDS, NULL);

  return kind_names[kind];
}

/* The kind named by @text ("subscriptions"), or %TENURE_IMPORT_KIND_NONE. */
TenureImportKind
tenure_import_kind_from_string (const char *text)
{
  for (guint kind = 1; text != NULL && kind < TENURE_IMPORT_N_KINDS; kind++)
    if (g_ascii_strcasecmp (text, kind_names[kind]) == 0)
      return kind;

  return TENURE_IMPORT_KIND_NONE;
}

/* The field names of @kind, required ones first, NULL-terminated. */
const char * const *
tenure_import_kind_fields (TenureImportKind kind)
{
  g_return_val_if_fail (kind > TENURE_IMPORT_KIND_NONE && kind < TENURE_IMPORT_N_KINDS, NULL);

  ensure_tables ();
  return field_names[kind];
}

gboolean
tenure_import_kind_is_required (TenureImportKind  kind,
                                const char       *field)
{
  int index = tenure_import_find_field (kind, field);

  return index >= 0 && kind_fields[kind][index].required;
}

const TenureImportField *
tenure_import_get_fields (TenureImportKind  kind,
                          guint            *n_fields)
{
  const TenureImportField *fields = kind_fields[kind];
  guint n = 0;

  while (fields[n].name != NULL)
    n++;
  *n_fields = n;

  return fields;
}

/* The index of the field called @name (or one of its synonyms), or -1. */
int
tenure_import_find_field (TenureImportKind  kind,
                          const char       *name)
{
  g_autofree char *key = NULL;
  const TenureImportField *fields;

  g_return_val_if_fail (kind > TENURE_IMPORT_KIND_NONE && kind < TENURE_IMPORT_N_KINDS, -1);

  fields = kind_fields[kind];
  for (guint i = 0; fields[i].name != NULL; i++)
    if (strcmp (fields[i].name, name) == 0)
      return (int) i;

  key = tenure_import_normalize_header (name);
  return tenure_import_match_header (kind, key);
}

/* The index of the field a normalised header names, or -1. */
int
tenure_import_match_header (TenureImportKind  kind,
                            const char       *normalized)
{
  ensure_tables ();

  return GPOINTER_TO_INT (g_hash_table_lookup (synonym_tables[kind], normalized)) - 1;
}

/* "start_date (start, début, date de début…)": a field and the names accepted for it. */
char *
tenure_import_describe_field (const TenureImportField *field)
{
  g_auto(GStrv) synonyms = g_strsplit (field->synonyms, "|", -1);
  g_autofree char *list = NULL;

  list = g_strjoinv (", ", synonyms);
  /* Translators: a field of a CSV file and the column names accepted for it. */
  return g_strdup_printf (_("%s (accepted names: %s)"), field->name, list);
}

/**
 * tenure_import_normalize_header:
 *
 * The header as it is matched: lower case, without accents, keeping letters and digits
 * only, so that "Date de début", "date_de_debut" and "DATE DE DEBUT" are the same.
 */
char *
tenure_import_normalize_header (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  GString *key = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, g_unichar_tolower (c));
      else if (c == 0x20AC)
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* "Montant mensuel HT (EUR)", "MRR [€]": the header without the unit that spreadsheets
 * add in brackets at its end. */
static int
match_without_unit (TenureImportKind  kind,
                    const char       *header)
{
  g_autofree char *name = g_strstrip (g_strdup (header));
  g_autofree char *key = NULL;
  gsize length = strlen (name);
  char *open;

  if (length < 3 || (name[length - 1] != ')' && name[length - 1] != ']'))
    return -1;
  open = strrchr (name, name[length - 1] == ')' ? '(' : '[');
  if (open == NULL || open == name)
    return -1;
  *open = '\0';
  key = tenure_import_normalize_header (name);

  return tenure_import_match_header (kind, key);
}

/* The file's column names for a message: the first few, each cut short, so that a file of
 * a million columns, or with a 50 MB header, still gives a message one can read. */
#define LISTED_COLUMNS 20
#define LISTED_BYTES 80

static char *
describe_columns (TenureCsvReader *reader,
                  guint            n_columns)
{
  GString *names = g_string_new (NULL);

  for (guint c = 0; c < MIN (n_columns, LISTED_COLUMNS); c++)
    {
      const char *header = tenure_csv_reader_get_field (reader, c);
      gsize length = strlen (header);

      g_string_append (names, c > 0 ? ", “" : "“");
      if (length > LISTED_BYTES)
        {
          const char *end = g_utf8_find_prev_char (header, header + LISTED_BYTES + 1);

          g_string_append_len (names, header, end != NULL ? end - header : 0);
          g_string_append (names, "…");
        }
      else
        g_string_append (names, header);
      g_string_append (names, "”");
    }
  if (n_columns > LISTED_COLUMNS)
    {
      guint more = n_columns - LISTED_COLUMNS;

      /* Translators: follows a list of column names. */
      g_string_append_printf (names, ngettext (" and %u more", " and %u more", more), more);
    }

  return g_string_free (names, FALSE);
}

static void
column_free (gpointer data)
{
  TenureImportColumn *column = data;

  g_free (column->header);
  g_free (column);
}

/**
 * tenure_import_map_columns:
 * @reader: a reader whose current row is the header
 * @columns: (out): TENURE_IMPORT_MAX_FIELDS entries: for each field of @kind, the index of
 *   the column feeding it, or -1
 * @column_info: (nullable): receives a #TenureImportColumn per column of the file
 * @missing: (out): a message naming the required fields no column feeds, or NULL
 *
 * Matches the header against the options' mapping first, then against the names of
 * each field. A field fed by two columns takes the first; the other is ignored. Fails
 * only when the mapping names a column the file does not have.
 */
gboolean
tenure_import_map_columns (TenureImportKind            kind,
                           TenureCsvReader            *reader,
                           const TenureImportOptions  *options,
                           int                        *columns,
                           GPtrArray                  *column_info,
                           char                      **missing,
                           GError                    **error)
{
  guint n_columns = tenure_csv_reader_get_n_fields (reader);
  g_autofree int *column_field = g_new (int, n_columns);
  g_autofree gboolean *column_mapped = g_new0 (gboolean, n_columns);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  const TenureImportField *fields;
  guint n_fields;

  fields = tenure_import_get_fields (kind, &n_fields);
  for (guint i = 0; i < TENURE_IMPORT_MAX_FIELDS; i++)
    columns[i] = -1;
  *missing = NULL;

  for (guint c = 0; c < n_columns; c++)
    {
      column_field[c] = -1;
      const char *header = tenure_csv_reader_get_field (reader, c);

      g_ptr_array_add (keys, tenure_import_normalize_header (header));
    }

  /* The mapping first: it is what the user asked for. */
  if (options != NULL && options->mapping != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, options->mapping);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gboolean found = FALSE;
          int field = *(const char *) value != '\0'
                      ? tenure_import_find_field (kind, value) : -1;

          if (*(const char *) value != '\0' && field < 0)
            {
              const char * const *known = tenure_import_kind_fields (kind);
              g_autofree char *names = g_strjoinv (", ", (char **) known);

              g_set_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_MAPPING,
                           _("“%s” is not a field of %s files: the fields are %s"),
                           (const char *) value, tenure_import_kind_to_string (kind), names);
              return FALSE;
            }
          for (guint c = 0; c < n_columns; c++)
            {
              if (strcmp (g_ptr_array_index (keys, c), key) != 0)
                continue;
              found = TRUE;
              column_mapped[c] = TRUE;
              if (field >= 0 && columns[field] < 0)
                {
                  columns[field] = (int) c;
                  column_field[c] = field;
                }
            }
          if (!found)
            {
              g_autofree char *names = describe_columns (reader, n_columns);

              g_set_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_MAPPING,
                           _("The file has no column “%s”: its columns are %s"),
                           (const char *) key, names);
              return FALSE;
            }
        }
    }

  for (guint c = 0; c < n_columns; c++)
    {
      int field;

      if (column_mapped[c])
        continue;
      field = tenure_import_match_header (kind, g_ptr_array_index (keys, c));
      if (field < 0)
        field = match_without_unit (kind, tenure_csv_reader_get_field (reader, c));
      if (field >= 0 && columns[field] < 0)
        {
          columns[field] = (int) c;
          column_field[c] = field;
        }
    }

  if (column_info != NULL)
    {
      g_ptr_array_set_free_func (column_info, column_free);
      for (guint c = 0; c < n_columns; c++)
        {
          TenureImportColumn *column = g_new0 (TenureImportColumn, 1);

          column->header = g_strdup (tenure_csv_reader_get_field (reader, c));
          column->field = column_field[c] >= 0 ? fields[column_field[c]].name : NULL;
          column->mapped = column_mapped[c];
          g_ptr_array_add (column_info, column);
        }
    }

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GString) text = NULL;
      g_autofree char *description = NULL;

      if (!fields[i].required || columns[i] >= 0)
        continue;

      description = tenure_import_describe_field (&fields[i]);
      if (*missing == NULL)
        text = g_string_new (NULL);
      else
        {
          text = g_string_new (*missing);
          g_string_append (text, "; ");
          g_clear_pointer (missing, g_free);
        }
      g_string_append (text, description);
      *missing = g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (*missing != NULL)
    {
      g_autofree char *names = describe_columns (reader, n_columns);
      g_autofree char *list = g_steal_pointer (missing);

      *missing = g_strdup_printf (_("Required columns are missing: %s. The file’s columns are "
                                    "%s: rename a column in the file, or say which column "
                                    "holds which field"), list, names);
    }

  return TRUE;
}

/* The kind whose required fields all have a column, with the most columns matched. */
static TenureImportKind
guess_kind (TenureCsvReader *reader)
{
  TenureImportKind best = TENURE_IMPORT_KIND_NONE;
  int best_score = 0;

  for (guint kind = 1; kind < TENURE_IMPORT_N_KINDS; kind++)
    {
      const TenureImportField *fields;
      gboolean seen[TENURE_IMPORT_MAX_FIELDS] = { FALSE, };
      guint n_fields;
      int score = 0;

      fields = tenure_import_get_fields (kind, &n_fields);
      for (guint c = 0; c < tenure_csv_reader_get_n_fields (reader); c++)
        {
          const char *header = tenure_csv_reader_get_field (reader, c);
          g_autofree char *key = tenure_import_normalize_header (header);
          int field = tenure_import_match_header (kind, key);

          if (field >= 0 && !seen[field])
            {
              seen[field] = TRUE;
              score += 2;
            }
        }
      for (guint i = 0; i < n_fields; i++)
        if (fields[i].required && !seen[i])
          score -= 3;

      if (score > best_score)
        {
          best_score = score;
          best = kind;
        }
    }

  return best;
}

static void
add_preview_issue (TenureImportPreview *preview,
                   guint                line,
                   guint                column,
                   TenureImportHint     hint,
                   const char          *message)
{
  TenureImportIssue *issue = g_new0 (TenureImportIssue, 1);

  issue->line = line;
  issue->column = column;
  issue->hint = hint;
  issue->message = g_strdup (message);
  g_ptr_array_add (preview->issues, issue);
}

/**
 * tenure_import_preview:
 * @kind: the kind of file, or %TENURE_IMPORT_KIND_NONE to guess it from the header
 * @max_rows: how many rows to read below the header
 *
 * What an import of @path would see, for an assistant to show before loading: the
 * separator, the columns and the fields they feed, the first rows, the number of rows,
 * and the problems that stop an import before its values are checked (text that is not
 * valid in the encoding, or a quote left open, anywhere in the file; missing columns).
 * Reads the whole file, so call it from a worker thread for large files. Fails only
 * when the file cannot be opened or the mapping names a column the file does not have.
 */
TenureImportPreview *
tenure_import_preview (const char                 *path,
                       TenureImportKind            kind,
                       const TenureImportOptions  *options,
                       guint                       max_rows,
                       GError                    **error)
{
  g_autoptr(TenureImportPreview) preview = g_new0 (TenureImportPreview, 1);
  g_autoptr(TenureCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *missing = NULL;
  int columns[TENURE_IMPORT_MAX_FIELDS];
  TenureImportOptions defaults;
  TenureCsvStatus status;

  if (options == NULL)
    {
      tenure_import_options_init (&defaults);
      options = &defaults;
    }

  preview->columns = g_ptr_array_new ();
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  preview->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) tenure_import_issue_free);
  preview->encoding = options->encoding;

  reader = tenure_csv_reader_new_for_path (path, options->encoding, options->separator, error);
  if (reader == NULL)
    return NULL;

  status = tenure_csv_reader_read_row (reader, &local_error);
  preview->separator = tenure_csv_reader_get_separator (reader);
  preview->had_bom = tenure_csv_reader_had_bom (reader);
  if (status != TENURE_CSV_ROW)
    {
      guint line = 1, column = 1;

      if (status == TENURE_CSV_FAILED)
        tenure_csv_reader_get_error_position (reader, &line, &column);
      add_preview_issue (preview, line, column,
                         g_error_matches (local_error, TENURE_CSV_ERROR, TENURE_CSV_ERROR_ENCODING)
                         ? TENURE_IMPORT_HINT_ENCODING : TENURE_IMPORT_HINT_NONE,
                         local_error != NULL ? local_error->message
                                             : _("The file is empty: it needs a header row "
                                                 "naming its columns"));
      preview->kind = kind;
      return g_steal_pointer (&preview);
    }

  for (guint c = 0; c < tenure_csv_reader_get_n_fields (reader); c++)
    tenure_import_trim (tenure_csv_reader_get_field (reader, c));

  preview->kind = kind != TENURE_IMPORT_KIND_NONE ? kind : guess_kind (reader);
  if (preview->kind != TENURE_IMPORT_KIND_NONE)
    {
      if (!tenure_import_map_columns (preview->kind, reader, options, columns, preview->columns,
                                      &missing, error))
        return NULL;
      if (missing != NULL)
        add_preview_issue (preview, tenure_csv_reader_get_line (reader), 1,
                           TENURE_IMPORT_HINT_MAPPING, missing);
    }
  else
    {
      g_ptr_array_set_free_func (preview->columns, column_free);
      for (guint c = 0; c < tenure_csv_reader_get_n_fields (reader); c++)
        {
          TenureImportColumn *column = g_new0 (TenureImportColumn, 1);

          column->header = g_strdup (tenure_csv_reader_get_field (reader, c));
          g_ptr_array_add (preview->columns, column);
        }
    }

  /* The first rows for the assistant to show, then the rest of the file: its text must
   * be readable to the end (an encoding problem on line 80,000 is found now, not after
   * the user has mapped the columns), and the assistant can say how many rows it has. */
  for (;;)
    {
      GStrvBuilder *builder;
      char **row;

      status = tenure_csv_reader_read_row (reader, &local_error);
      if (status == TENURE_CSV_END)
        break;
      if (status == TENURE_CSV_FAILED)
        {
          guint line, column;

          tenure_csv_reader_get_error_position (reader, &line, &column);
          add_preview_issue (preview, line, column,
                             g_error_matches (local_error, TENURE_CSV_ERROR,
                                              TENURE_CSV_ERROR_ENCODING)
                             ? TENURE_IMPORT_HINT_ENCODING : TENURE_IMPORT_HINT_NONE,
                             local_error->message);
          break;
        }

      preview->n_rows++;
      if (preview->rows->len >= max_rows)
        continue;

      builder = g_strv_builder_new ();
      for (guint c = 0; c < tenure_csv_reader_get_n_fields (reader); c++)
        g_strv_builder_add (builder, tenure_import_trim (tenure_csv_reader_get_field (reader, c)));
      row = g_strv_builder_end (builder);
      g_ptr_array_add (preview->rows, row);
      g_strv_builder_unref (builder);
    }

  return g_steal_pointer (&preview);
}

void
tenure_import_preview_free (TenureImportPreview *preview)
{
  if (preview == NULL)
    return;

  g_clear_pointer (&preview->columns, g_ptr_array_unref);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_clear_pointer (&preview->issues, g_ptr_array_unref);
  g_free (preview);
}
