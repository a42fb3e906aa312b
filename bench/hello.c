/*
 * hello.c: the bare libmicrohttpd server the load benchmark compares the
 * real one with. It is started the way the real server is (one thread per
 * connection, the same limits and timeout, the response queued on the
 * handler's second call, which keeps connections alive in 0.9.75) and
 * answers every request with the same 6 bytes, so the ratio measures
 * what our routing, sessions, database and pages cost.
 *
 * usage: bench-hello PORT   (serves on 127.0.0.1 until SIGTERM)
 */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
           const char *method, const char *version, const char *upload,
           size_t *upload_size, void **state)
{
	static int first;
	static char body[] = "hello\n";
	struct MHD_Response *res;
	enum MHD_Result rc;

	(void)cls;
	(void)url;
	(void)method;
	(void)version;
	(void)upload;
	if (*state == NULL) {
		*state = &first;
		return MHD_YES;
	}
	*upload_size = 0;
	res = MHD_create_response_from_buffer(6, body, MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(res, "Content-Type", "text/plain");
	rc = MHD_queue_response(c, MHD_HTTP_OK, res);
	MHD_destroy_response(res);
	return rc;
}

int
main(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	struct MHD_Daemon *d;
	sigset_t set;
	int sig;

	if (argc != 2) {
		fprintf(stderr, "usage: bench-hello PORT\n");
		return 2;
	}
	sa.sin_port = htons((uint16_t)strtol(argv[1], NULL, 10));
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	d = MHD_start_daemon(
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
	        MHD_USE_POLL | MHD_USE_ERROR_LOG,
	    0, NULL, NULL, on_request, NULL, MHD_OPTION_SOCK_ADDR, &sa,
	    MHD_OPTION_CONNECTION_LIMIT, 512u,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, 128u,
	    MHD_OPTION_CONNECTION_TIMEOUT, 30u,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024,
	    MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "bench-hello: cannot listen on port %s\n",
		        argv[1]);
		return 1;
	}
	printf("bench-hello: serving\n");
	fflush(stdout);
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	return 0;
}
