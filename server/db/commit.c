/* commit.c: write transactions with group commit.
 *
 * Each db_begin .. db_commit is a SAVEPOINT inside one outer IMMEDIATE
 * transaction on the shared writer connection. When a transaction
 * finishes and no other thread is waiting for the writer (or the batch is
 * full), the finishing thread COMMITs the whole batch: one fsync for all.
 * Otherwise it hands the writer over and waits. db_commit returns only
 * once its changes are durable (synchronous=FULL), so an acknowledged
 * write survives a crash exactly as before; concurrent tablets just share
 * the fsync. A failed transaction rolls back to its savepoint and leaves
 * the others of the batch untouched. */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

/* Takes the writer (write_lock held on entry and on return). */
static void
take_writer(struct db *db)
{
	db->wanting++;
	while (db->busy)
		pthread_cond_wait(&db->writer_free, &db->write_lock);
	db->wanting--;
	db->busy = true;
}

static void
give_writer(struct db *db)
{
	db->busy = false;
	pthread_cond_signal(&db->writer_free);
}

static bool
run(struct db *db, const char *sql)
{
	if (sqlite3_exec(db->writer.handle, sql, NULL, NULL, NULL) == SQLITE_OK)
		return true;
	db_log_error(db->writer.handle, sql);
	return false;
}

/* COMMITs the open batch (the writer held): every member learns whether
 * its changes are durable. */
static void
commit_batch(struct db *db)
{
	bool ok;

	conn_reset(&db->writer);
	ok = run(db, "COMMIT");
	if (!ok)
		run(db, "ROLLBACK");
	for (size_t i = 0; i < db->nmembers; i++) {
		db->members[i]->durable = ok;
		db->members[i]->done = true;
	}
	db->nmembers = 0;
	db->batch_open = false;
	pthread_cond_broadcast(&db->batch_done);
}

/* A transaction has left the writer: commit the batch now when no one
 * else would join it, else let the next one in. */
static void
leave_writer(struct db *db)
{
	if (db->batch_open && (db->wanting == 0 || db->nmembers >= BATCH_MAX))
		commit_batch(db);
	give_writer(db);
}

struct db_tx *
db_begin(struct db *db, const struct db_actor *actor)
{
	struct db_tx *tx = xcalloc(1, sizeof(*tx));

	pthread_mutex_lock(&db->write_lock);
	take_writer(db);
	if (!db->batch_open) {
		if (!run(db, "BEGIN IMMEDIATE")) {
			give_writer(db);
			pthread_mutex_unlock(&db->write_lock);
			free(tx);
			return NULL;
		}
		db->batch_open = true;
	}
	if (!run(db, "SAVEPOINT member")) {
		leave_writer(db);
		pthread_mutex_unlock(&db->write_lock);
		free(tx);
		return NULL;
	}
	/* the writer is ours until commit or rollback: the lock is not
	 * needed meanwhile (others wait on `busy`) */
	pthread_mutex_unlock(&db->write_lock);
	tx->db = db;
	if (actor != NULL) {
		tx->actor = *actor;
		snprintf(tx->address, sizeof(tx->address), "%s",
		         actor->address != NULL ? actor->address : "");
	}
	tx->actor.address = tx->address;
	/* the chain's tip, read on the writer: the batch's earlier members
	 * and other processes (the command line) may have appended */
	if (audit_tip(&db->writer, &tx->audit_id, tx->hash) != 0) {
		db_rollback(tx);
		return NULL;
	}
	return tx;
}

int
db_commit(struct db_tx *tx)
{
	struct db *db = tx->db;
	bool durable;

	if (tx->failed) {
		db_rollback(tx);
		return -1;
	}
	conn_reset(&db->writer);
	pthread_mutex_lock(&db->write_lock);
	if (!run(db, "RELEASE member")) {
		pthread_mutex_unlock(&db->write_lock);
		tx->failed = true;
		db_rollback(tx);
		return -1;
	}
	db->members[db->nmembers++] = tx;
	leave_writer(db);
	while (!tx->done)
		pthread_cond_wait(&db->batch_done, &db->write_lock);
	durable = tx->durable;
	pthread_mutex_unlock(&db->write_lock);
	free(tx);
	return durable ? 0 : -1;
}

void
db_rollback(struct db_tx *tx)
{
	struct db *db;

	if (tx == NULL)
		return;
	db = tx->db;
	conn_reset(&db->writer);
	pthread_mutex_lock(&db->write_lock);
	/* undo this transaction only; the batch's others stay */
	if (!run(db, "ROLLBACK TO member") || !run(db, "RELEASE member")) {
		/* the savepoint is gone: the whole batch is lost */
		run(db, "ROLLBACK");
		for (size_t i = 0; i < db->nmembers; i++) {
			db->members[i]->durable = false;
			db->members[i]->done = true;
		}
		db->nmembers = 0;
		db->batch_open = false;
		pthread_cond_broadcast(&db->batch_done);
	}
	leave_writer(db);
	pthread_mutex_unlock(&db->write_lock);
	free(tx);
}
