/* Burns CPU forever: stopped by the CPU limit. */
int main(void) {
    volatile unsigned long counter = 0;
    for (;;)
        ++counter;
}
