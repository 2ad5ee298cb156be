/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of the importer share: field tables and value parsers. */
#pragma once

#include "tenure-import.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  gboolean    required;
  const char *synonyms;   /* '|'-separated, as people write them */
} TenureImportField;

#define TENURE_IMPORT_MAX_FIELDS 8

typedef enum
{
  TENURE_AMOUNT_OK,
  TENURE_AMOUNT_AMBIGUOUS,  /* "1,234": thousands or decimals, the column decides */
  TENURE_AMOUNT_INVALID,
} TenureAmountStatus;

/* tenure-import-columns.c */
const TenureImportField *tenure_import_get_fields        (TenureImportKind   kind,
                                                          guint             *n_fields);
int                      tenure_import_match_header      (TenureImportKind   kind,
                                                          const char        *normalized);
char                    *tenure_import_describe_field    (const TenureImportField *field);
gboolean                 tenure_import_map_columns       (TenureImportKind   kind,
                                                          TenureCsvReader   *reader,
                                                          const TenureImportOptions *options,
                                                          int                columns[TENURE_IMPORT_MAX_FIELDS],
                                                          GPtrArray         *column_info,
                                                          char             **missing,
                                                          GError           **error);
void                     tenure_import_issue_free        (TenureImportIssue *issue);

/* tenure-import-values.c */
char                    *tenure_import_trim              (char              *text);
gboolean                 tenure_import_parse_date        (const char        *text,
                                                          TenureDateOrder    order,
                                                          gint32            *days,
                                                          TenureImportHint  *hint,
                                                          char             **message);
gboolean                 tenure_import_parse_timestamp   (const char        *text,
                                                          TenureDateOrder    order,
                                                          gint64            *seconds,
                                                          TenureImportHint  *hint,
                                                          char             **message);
gboolean                 tenure_import_parse_month       (const char        *text,
                                                          TenureDateOrder    order,
                                                          int               *month,
                                                          char             **message);
TenureAmountStatus       tenure_import_parse_amount      (const char        *text,
                                                          TenureDecimal      decimal,
                                                          gint64            *cents,
                                                          TenureDecimal     *evidence,
                                                          char             **message);
gboolean                 tenure_import_parse_count       (const char        *text,
                                                          gint64             max,
                                                          gint64            *value);
char                    *tenure_import_fold_key          (const char        *text);

G_END_DECLS
