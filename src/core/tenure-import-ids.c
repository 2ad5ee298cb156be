/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map from an account's external id to its row id, looked up once per imported row. */

#define G_LOG_DOMAIN "tenure-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-import-private.h"

/* A million events name 20,000 accounts in random order. A GHashTable of strings costs two
 * cache misses per lookup (the entry, then the key it points to, for strcmp); here the
 * key is stored in the entry itself when it is short, as account ids are, and compared
 * with memcmp on its known length. Entries are 32 bytes, two per cache line. */
#define INLINE_KEY 16

typedef struct
{
  guint32 hash;
  guint32 length;
  gint64  id;                      /* 0: an empty slot */
  union
  {
    char        inline_key[INLINE_KEY];
    const char *key;               /* longer keys, in the map's string chunk */
  };
} Entry;

G_STATIC_ASSERT (sizeof (Entry) == 32);

struct _TenureImportIdMap
{
  Entry        *entries;
  guint         mask;              /* the number of slots, a power of two, minus one */
  guint         size;
  GStringChunk *long_keys;
};

static inline guint32
hash_key (const char *key,
          gsize       length)
{
  guint64 h = 0x9E3779B97F4A7C15ull ^ length;

  while (length >= 8)
    {
      guint64 word;

      memcpy (&word, key, 8);
      h = (h ^ word) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
      key += 8;
      length -= 8;
    }
  if (length > 0)
    {
      guint64 word = 0;

      memcpy (&word, key, length);
      h = (h ^ word) * 0xC4CEB9FE1A85EC53ull;
    }
  h ^= h >> 29;

  return (guint32) h;
}

static inline const char *
entry_key (const Entry *entry)
{
  return entry->length <= INLINE_KEY ? entry->inline_key : entry->key;
}

TenureImportIdMap *
tenure_import_id_map_new (void)
{
  TenureImportIdMap *self = g_new0 (TenureImportIdMap, 1);

  self->mask = 1023;
  self->entries = g_new0 (Entry, self->mask + 1);
  self->long_keys = g_string_chunk_new (4096);

  return self;
}

void
tenure_import_id_map_free (TenureImportIdMap *self)
{
  if (self == NULL)
    return;

  g_free (self->entries);
  g_string_chunk_free (self->long_keys);
  g_free (self);
}

static inline Entry *
find_slot (const TenureImportIdMap *self,
           const char              *key,
           gsize                    length,
           guint32                  hash)
{
  guint i = hash & self->mask;

  for (;;)
    {
      Entry *entry = &self->entries[i];

      if (entry->id == 0 ||
          (entry->hash == hash && entry->length == length &&
           memcmp (entry_key (entry), key, length) == 0))
        return entry;
      i = (i + 1) & self->mask;
    }
}

/* The id of @key (@length bytes), or 0 when unknown. */
gint64
tenure_import_id_map_lookup (const TenureImportIdMap *self,
                             const char              *key,
                             gsize                    length)
{
  return find_slot (self, key, length, hash_key (key, length))->id;
}

static void
grow (TenureImportIdMap *self)
{
  Entry *old = self->entries;
  guint old_slots = self->mask + 1;

  self->mask = old_slots * 2 - 1;
  self->entries = g_new0 (Entry, self->mask + 1);
  for (guint i = 0; i < old_slots; i++)
    {
      if (old[i].id != 0)
        {
          guint j = old[i].hash & self->mask;

          while (self->entries[j].id != 0)
            j = (j + 1) & self->mask;
          self->entries[j] = old[i];
        }
    }
  g_free (old);
}

/* Records that @key has the id @id (not 0), replacing what it had. */
void
tenure_import_id_map_insert (TenureImportIdMap *self,
                             const char        *key,
                             gsize              length,
                             gint64             id)
{
  guint32 hash = hash_key (key, length);
  Entry *entry;

  g_return_if_fail (id != 0);
  g_return_if_fail (length < G_MAXUINT32);

  if ((self->size + 1) * 4 > (self->mask + 1) * 3)
    grow (self);

  entry = find_slot (self, key, length, hash);
  if (entry->id == 0)
    {
      entry->hash = hash;
      entry->length = (guint32) length;
      if (length <= INLINE_KEY)
        memcpy (entry->inline_key, key, length);
      else
        entry->key = g_string_chunk_insert_len (self->long_keys, key, (gssize) length);
      self->size++;
    }
  entry->id = id;
}

guint
tenure_import_id_map_get_size (const TenureImportIdMap *self)
{
  return self->size;
}
