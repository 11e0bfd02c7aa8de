package dev.p2p.examples.demo;

import java.util.Random;

/**
 * What every volunteer of the simulated day shares: the clock's queue, the phone network, the
 * contacts, the seeded randomness, and a counter of contacts messaged for the progress bar.
 */
record World(
    Simulation sim, Carrier carrier, Contacts contacts, Random random, Runnable contactMessaged) {}
