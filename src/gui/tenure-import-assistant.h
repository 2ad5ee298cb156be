/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import assistant: choose a CSV file, check its columns, import it with progress. */
#pragma once

#include <adwaita.h>

#include "tenure-import.h"

G_BEGIN_DECLS

#define TENURE_TYPE_IMPORT_ASSISTANT (tenure_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (TenureImportAssistant, tenure_import_assistant, TENURE, IMPORT_ASSISTANT,
                      AdwWindow)

TenureImportAssistant    *tenure_import_assistant_new            (GtkWindow             *parent,
                                                                  const char            *workspace);
void                      tenure_import_assistant_set_file       (TenureImportAssistant *self,
                                                                  GFile                 *file);
void                      tenure_import_assistant_set_workspace  (TenureImportAssistant *self,
                                                                  const char            *workspace);
const char               *tenure_import_assistant_get_workspace  (TenureImportAssistant *self);
const char               *tenure_import_assistant_get_step       (TenureImportAssistant *self);
gboolean                  tenure_import_assistant_get_busy       (TenureImportAssistant *self);
TenureImportKind          tenure_import_assistant_get_kind       (TenureImportAssistant *self);
void                      tenure_import_assistant_set_kind       (TenureImportAssistant *self,
                                                                  TenureImportKind       kind);
guint                     tenure_import_assistant_get_n_columns  (TenureImportAssistant *self);
const char               *tenure_import_assistant_get_column_field (TenureImportAssistant *self,
                                                                  guint                  column);
void                      tenure_import_assistant_set_column_field (TenureImportAssistant *self,
                                                                  guint                  column,
                                                                  const char            *field);
gboolean                  tenure_import_assistant_get_can_import (TenureImportAssistant *self);
char                     *tenure_import_assistant_get_errors     (TenureImportAssistant *self);
void                      tenure_import_assistant_import         (TenureImportAssistant *self);
const TenureImportResult *tenure_import_assistant_get_result     (TenureImportAssistant *self);

G_END_DECLS
