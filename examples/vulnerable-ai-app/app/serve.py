"""Toy inference service. Deliberately insecure: do not deploy."""
import os

import torch
import yaml
from flask import Flask, request, render_template_string

app = Flask(__name__)
MODEL_PATH = os.environ.get("MODEL_PATH", "models/pytorch_model.bin")

# Loading a pickle-based checkpoint runs whatever code the file's author chose.
model = torch.load(MODEL_PATH)


@app.route("/predict", methods=["POST"])
def predict():
    config = yaml.load(request.data)  # unsafe loader
    return {"label": str(model(config["input"]))}


@app.route("/hello")
def hello():
    # server-side template injection
    return render_template_string("Hello " + request.args.get("name", "world"))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, debug=True)
