/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files Tenure writes appear only once complete: written under ".NAME.XXXXXX" in the same
 * folder, synced, and renamed over NAME. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *tenure_file_create_temporary         (const char  *path,
                                                GError     **error);
gboolean  tenure_file_commit_temporary         (const char  *temporary,
                                                const char  *path,
                                                GError     **error);
gboolean  tenure_file_commit_new_temporary     (const char  *temporary,
                                                const char  *path,
                                                GError     **error);
void      tenure_file_discard_temporary        (const char  *temporary);
void      tenure_file_remove_stale_temporaries (const char  *path);
void      tenure_file_remove_orphan_logs       (const char  *path);
gboolean  tenure_file_check_replaceable        (const char  *path,
                                                GError     **error);
gboolean  tenure_file_set_contents             (const char  *path,
                                                const char  *contents,
                                                gsize        length,
                                                GError     **error);

G_END_DECLS
