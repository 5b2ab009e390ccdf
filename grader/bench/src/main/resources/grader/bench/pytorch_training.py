#!/usr/bin/env python3
"""The exercise's training steps in PyTorch: the same-run baseline of grader.bench.TrainingBenchmark.

Usage: pytorch_training.py INPUT.json, where TrainingBenchmark wrote INPUT.json with the standardized
training rows, their labels, every step's mini-batch row indices, the initial weights (fanIn x fanOut,
as the Java model stores them) and the learning rate. The network is the exercise's, with PyTorch's own
modules: Linear(30, 20) -> BatchNorm1d -> tanh -> Linear(20, 10) -> BatchNorm1d -> tanh -> Linear(10, 1)
-> sigmoid, no biases, BatchNorm1d(eps=1e-8, momentum=0.1), summed binary cross-entropy, plain SGD; all in
float64 on one CPU thread, like the Java code (torch.set_num_threads(1): the ops run in this thread, so its
CPU time is theirs).

Protocol, one line each way, so that the caller can interleave PyTorch's runs with its own:
  stdout "ready torch=<version>" once the data is loaded;
  stdin  "run"  -> trains a fresh copy of the initial network over all the batches and prints
                   "ms=<wall time of the steps> cpu_ms=<this thread's CPU time for them>
                   loss=<the last step's loss per example>" (one line);
  stdin  "quit" or end of input -> exits.
Only the steps are timed (batch selection, forward, backward, update), not building the network.
"""
import json
import sys
import time

import torch
from torch import nn

EPSILON = 1e-8    # batchnorm.Model.EPSILON
MOMENTUM = 0.1    # batchnorm.Model.MOMENTUM


def network(weights):
    """The exercise's network with the given initial weights; Linear stores its weight as fanOut x fanIn."""
    layers = []
    shapes = [w.shape for w in weights]
    for index, weight in enumerate(weights):
        fan_in, fan_out = weight.shape
        linear = nn.Linear(fan_in, fan_out, bias=False)
        with torch.no_grad():
            linear.weight.copy_(weight.T)
        layers.append(linear)
        if index < len(weights) - 1:
            layers += [nn.BatchNorm1d(fan_out, eps=EPSILON, momentum=MOMENTUM), nn.Tanh()]
    assert shapes[-1][1] == 1, f"the last layer must have one output, got weights {shapes}"
    return nn.Sequential(*layers, nn.Sigmoid())


def train(weights, features, labels, batches, learning_rate):
    """Returns (wall and thread CPU milliseconds of the steps, the last step's summed loss / batch size)."""
    model = network(weights)
    model.train()
    loss_function = nn.BCELoss(reduction="sum")
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    start = time.perf_counter()
    start_cpu = time.thread_time()
    for rows in batches:
        loss = loss_function(model(features[rows]), labels[rows])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    elapsed = time.perf_counter() - start
    elapsed_cpu = time.thread_time() - start_cpu
    return elapsed * 1000.0, elapsed_cpu * 1000.0, loss.item() / len(batches[-1])


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: pytorch_training.py INPUT.json")
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    with open(argv[1], encoding="utf-8") as source:
        spec = json.load(source)
    features = torch.tensor(spec["features"], dtype=torch.float64)
    labels = torch.tensor(spec["labels"], dtype=torch.float64).reshape(-1, 1)
    batches = [torch.tensor(rows, dtype=torch.long) for rows in spec["batches"]]
    weights = [torch.tensor(w, dtype=torch.float64) for w in spec["weights"]]
    learning_rate = float(spec["learningRate"])
    print(f"ready torch={torch.__version__}", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "quit":
            break
        if command != "run":
            sys.exit(f"pytorch_training.py: unknown command {command!r}; expected run or quit")
        millis, cpu_millis, loss = train(weights, features, labels, batches, learning_rate)
        print(f"ms={millis!r} cpu_ms={cpu_millis!r} loss={loss!r}", flush=True)


if __name__ == "__main__":
    main(sys.argv)
