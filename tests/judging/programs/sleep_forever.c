/* Sleeps without using CPU: stopped by the wall-clock limit. */
#include <unistd.h>

int main(void) {
    for (;;)
        sleep(100);
}
