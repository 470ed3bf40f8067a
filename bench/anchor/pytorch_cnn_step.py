#!/usr/bin/env python3
"""PyTorch anchor for the behaviour-cloning step of bench/Aim.Benchmarks (BcStep.cs, `step-time` mode).

The MiniGrid CNN of the AIM code (Conv2d(12,16,2) ReLU MaxPool2d(2) Conv2d(16,32,2) ReLU Conv2d(32,64,2) ReLU
Flatten Linear(64,64) Tanh Linear(64,7)), batch 200 sampled uniformly with replacement from 2,000 stored
observations (values k * 0.1, k in 0..10, as the grid codec scales bytes), cross-entropy on the expert label,
Adam at lr 1e-4, one intra-op and one inter-op thread. 100 warm-up steps, then STEPS timed ones (default 1000).
Each step reads the loss back (loss.item()), as ours does.

Prints one line: "ms/step X cpu Y (PyTorch <version>, ...)": wall-clock and process CPU milliseconds per step.

Usage: /usr/bin/python3 bench/anchor/pytorch_cnn_step.py [STEPS]
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

STORED = 2000
BATCH = 200
WARM_UP = 100


def main() -> None:
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)

    model = nn.Sequential(
        nn.Conv2d(12, 16, 2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 2), nn.ReLU(),
        nn.Conv2d(32, 64, 2), nn.ReLU(),
        nn.Flatten(),
        nn.Linear(64, 64), nn.Tanh(),
        nn.Linear(64, 7),
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    observations = torch.randint(0, 11, (STORED, 12, 7, 7)).float() * 0.1
    labels = torch.randint(0, 7, (STORED,))

    def step() -> float:
        index = torch.randint(0, STORED, (BATCH,))
        loss = F.cross_entropy(model(observations[index]), labels[index])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(WARM_UP):
        step()
    total = 0.0
    cpu_start = time.process_time()
    start = time.perf_counter()
    for _ in range(steps):
        total += step()
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print(f"ms/step {elapsed * 1000 / steps:.4f} cpu {cpu * 1000 / steps:.4f} (PyTorch {torch.__version__}, "
          f"{steps} steps, batch {BATCH}, mean loss {total / steps:.4f})")


if __name__ == "__main__":
    main()
