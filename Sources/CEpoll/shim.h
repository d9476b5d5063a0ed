// Linux's epoll and eventfd, which Glibc's Swift module does not export: the socket transport's event loop.
#include <sys/epoll.h>
#include <sys/eventfd.h>
