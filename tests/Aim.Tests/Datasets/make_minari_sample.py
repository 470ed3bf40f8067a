"""Writes MinariSample/data/{metadata.json,main_data.hdf5}: a small dataset laid out as Minari's HDF5 storage writes one.

Built with Debian's python3-h5py (no Minari install needed), following Minari's dataset standard
(docs/content/dataset_standards.md) and what its HDF5 storage does when a DataCollector records episodes without infos:
- one group per episode, episode_{id}, created with track_order=True;
- attributes id, seed (when the reset had one), total_steps, and the default episode callback's rewards_* statistics;
- datasets created with chunks=True and an unlimited first dimension: observations (steps + 1 rows), actions,
  rewards (float64), terminations and truncations (numpy bool: an int8 enum FALSE/TRUE);
- no infos group (DataCollector's record_infos defaults to False);
- metadata.json beside main_data.hdf5, each space a JSON string inside the JSON, as serialize_space writes it.

The observation space is the grid tasks' (a uint8 Box of shape (12, 7, 7) in [0, 10]), the action space Discrete(7),
so Aim.Tests can read the sample as demonstrations for a grid task. The values follow the formulas below, which
MinariSampleTests recomputes. Run from this folder: /usr/bin/python3 make_minari_sample.py
"""
import json
import pathlib

import h5py
import numpy as np

STEPS = [3, 2]  # steps per episode
SEEDS = [5, None]
SHAPE = (12, 7, 7)


def observation(episode, row):
    flat = (np.arange(int(np.prod(SHAPE))) + 3 * episode + row) % 11
    return flat.reshape(SHAPE).astype(np.uint8)


def main():
    data = pathlib.Path(__file__).parent / "MinariSample" / "data"
    data.mkdir(parents=True, exist_ok=True)
    total_steps = 0
    with h5py.File(data / "main_data.hdf5", "w", track_order=True) as file:
        for episode, steps in enumerate(STEPS):
            group = file.create_group(f"episode_{episode}")
            group.attrs["id"] = episode
            if SEEDS[episode] is not None:
                group.attrs["seed"] = SEEDS[episode]
            group.attrs["total_steps"] = steps
            observations = np.stack([observation(episode, row) for row in range(steps + 1)])
            actions = np.array([(episode + t) % 7 for t in range(steps)], dtype=np.int64)
            rewards = np.array([0.0] * (steps - 1) + [0.5 + episode], dtype=np.float64)
            terminations = np.array([False] * (steps - 1) + [episode == 0])
            truncations = np.array([False] * (steps - 1) + [episode != 0])
            for name, values in [
                ("observations", observations),
                ("actions", actions),
                ("rewards", rewards),
                ("terminations", terminations),
                ("truncations", truncations),
            ]:
                group.create_dataset(name, data=values, chunks=True, maxshape=(None, *values.shape[1:]))
            group.attrs["rewards_sum"] = float(rewards.sum())
            group.attrs["rewards_mean"] = float(rewards.mean())
            group.attrs["rewards_std"] = float(rewards.std())
            group.attrs["rewards_max"] = float(rewards.max())
            group.attrs["rewards_min"] = float(rewards.min())
            total_steps += steps

    observation_space = {
        "type": "Box",
        "dtype": "uint8",
        "shape": list(SHAPE),
        "low": np.zeros(SHAPE, dtype=np.uint8).tolist(),
        "high": np.full(SHAPE, 10, dtype=np.uint8).tolist(),
    }
    action_space = {"type": "Discrete", "dtype": "int64", "start": 0, "n": 7}
    metadata = {
        "total_episodes": len(STEPS),
        "total_steps": total_steps,
        "data_format": "hdf5",
        "observation_space": json.dumps(observation_space),
        "action_space": json.dumps(action_space),
        "dataset_id": "sample/grid/collector-v0",
        "algorithm_name": "scripted",
        "author": ["Aim.Notebooks"],
        "minari_version": "0.5.3",
    }
    with open(data / "metadata.json", "w") as f:
        json.dump(metadata, f)


if __name__ == "__main__":
    main()
