/* Reports what the sandbox lets it do, one "name=ok|denied" line each:
   connect to 127.0.0.1:argv[1], create the file argv[2], create a file in /tmp. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static const char* create_file(const char* path) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return "denied";
    int written = write(fd, "x", 1) == 1;
    close(fd);
    unlink(path);
    return written ? "ok" : "denied";
}

int main(int argc, char** argv) {
    if (argc < 3) return 2;
    struct sockaddr_in address = {0};
    address.sin_family = AF_INET;
    address.sin_port = htons((unsigned short)atoi(argv[1]));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int sock = socket(AF_INET, SOCK_STREAM, 0);
    int connected = sock >= 0 && connect(sock, (struct sockaddr*)&address, sizeof address) == 0;
    printf("connect=%s\n", connected ? "ok" : "denied");
    printf("write_outside=%s\n", create_file(argv[2]));
    printf("write_tmp=%s\n", create_file("/tmp/algojudge-sandbox-probe"));
    return 0;
}
